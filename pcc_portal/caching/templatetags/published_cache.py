"""``{% published_cache "name" [vary ...] %}...{% endpublished_cache %}``: the enclosed part of
a public page, kept until the next release or withdrawal (see ``pcc_portal.caching``). Put in
it only what every anonymous visitor sees alike; never a form, never a nonce."""

from django import template

from pcc_portal.caching import cached_fragment

register = template.Library()


class PublishedCacheNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context):
        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary]
        return cached_fragment(
            context.get("request"), name, lambda: self.nodelist.render(context), vary
        )


@register.tag
def published_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name.")
    nodelist = parser.parse(("endpublished_cache",))
    parser.delete_first_token()
    return PublishedCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
