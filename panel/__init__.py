"""Police and Crime Panel."""
