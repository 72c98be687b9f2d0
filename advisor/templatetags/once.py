"""`{% once f=fa.figures template=fa.template %}...{% endonce %}`: a passage that is the same
for everyone with the same figures (or, without values, for everyone), written once per
language and kept.

The passage sees only the values it names (as `{% include ... only %}`), so it cannot depend
on anything it is not kept by: a paragraph that reads the person's own answers cannot be
wrapped by mistake, it would come out empty. Use it for explanations that depend only on the
dated figures and the scheme, never on the person."""

from django import template

from advisor.language import current_language

register = template.Library()

KEPT_PER_PASSAGE = 64  # a few languages times the figures in force over the covered years


class OnceNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values
        self.kept = {}

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.values.items()}
        key = (current_language(), context.autoescape, context.use_l10n, *values.values())
        text = self.kept.get(key)
        if text is None:
            text = self.nodelist.render(context.new(values))
            if len(self.kept) >= KEPT_PER_PASSAGE:
                self.kept.clear()
            self.kept[key] = text
        return text


@register.tag
def once(parser, token):
    bits = token.split_contents()[1:]
    values = template.base.token_kwargs(bits, parser)
    if bits:
        raise template.TemplateSyntaxError("once takes only name=value pairs")
    nodelist = parser.parse(("endonce",))
    parser.delete_first_token()
    return OnceNode(nodelist, values)
