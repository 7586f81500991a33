"""An author's Markdown and its rendered HTML kept together: the one way a model stores both.

``body_html = MarkdownHTMLField(source="body")`` renders and sanitises ``body`` whenever the row is
written (``save()`` and ``bulk_create``), and models that hold such a field inherit
``RendersMarkdown`` so that ``save(update_fields=["body"])`` writes ``body_html`` with it: the HTML
can never lag behind the text it was made from.
"""

from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from pcc_portal.publications import markdown


class MarkdownHTMLField(models.TextField):
    """The HTML of the Markdown field ``source`` on the same model, rendered where the row is
    written, so what is stored is already safe to show.

    ``render`` turns the text into HTML (the portal's ``render_markdown`` unless given). The
    column is a plain text column: migrations see a ``TextField``, and rendering is behaviour,
    not schema.
    """

    def __init__(self, *args, source=None, render=None, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)
        self.source = source
        self.render = render

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if not self.source:
            errors.append(checks.Error("MarkdownHTMLField needs source=.", obj=self))
            return errors
        try:
            self.model._meta.get_field(self.source)
        except FieldDoesNotExist:
            errors.append(
                checks.Error(f"MarkdownHTMLField source {self.source!r} is not a field.", obj=self)
            )
        if not issubclass(self.model, RendersMarkdown):
            errors.append(
                checks.Error(
                    f"{self.model.__name__} holds a MarkdownHTMLField but does not inherit "
                    "RendersMarkdown, so a save with update_fields would leave its HTML stale.",
                    obj=self,
                )
            )
        return errors

    def rendered(self, text):
        render = self.render or markdown.render_markdown
        return render(text or "")

    def pre_save(self, model_instance, add):
        text = getattr(model_instance, self.source)
        current = getattr(model_instance, self.attname)
        # The same instance written twice with the same text keeps its HTML, so a loop of saves
        # (or a bulk insert whose HTML was filled from a cache) does not render it again.
        memo = model_instance.__dict__.setdefault("_markdown_rendered", {})
        if memo.get(self.attname) == (text, current):
            return current
        html = self.rendered(text)
        setattr(model_instance, self.attname, html)
        memo[self.attname] = (text, html)
        return html

    def fill(self, model_instance, html):
        """Give ``model_instance`` HTML already rendered from its current text (for bulk inserts
        that render each distinct text once)."""
        setattr(model_instance, self.attname, html)
        memo = model_instance.__dict__.setdefault("_markdown_rendered", {})
        memo[self.attname] = (getattr(model_instance, self.source), html)


def markdown_html_fields(model):
    """The ``MarkdownHTMLField``s of ``model`` (a class or an instance)."""
    return [f for f in model._meta.concrete_fields if isinstance(f, MarkdownHTMLField)]


class RendersMarkdown:
    """For models with a ``MarkdownHTMLField``: a save naming a Markdown source in
    ``update_fields`` writes that source's HTML too."""

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is not None:
            update_fields = list(update_fields)
            for field in markdown_html_fields(self):
                if field.source in update_fields and field.name not in update_fields:
                    update_fields.append(field.name)
        super().save(*args, update_fields=update_fields, **kwargs)
