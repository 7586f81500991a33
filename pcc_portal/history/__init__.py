"""The change history of any model that keeps one (django-simple-history), shown to staff."""
