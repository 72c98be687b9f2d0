"""`{% load translations %}`: Django's `i18n` template library with faster `translate` and
`blocktranslate` tags; the site's templates load it instead of `i18n`
(tests/test_templates_load_translations.py). makemessages reads the templates' text, so the
translation catalogues are made as before.

What is faster, and why the output stays the same:
- `{% translate "literal" %}` renders the same text for everyone in a language and with the
  same escaping: its first rendering is kept per (language, autoescape).
- `{% blocktranslate %}` works out its message ids once (they depend only on the tag's text)
  and keeps each translation per language; the values are resolved, localised and escaped on
  every rendering, exactly as Django does. Anything unusual (a message context, a count that
  is not a number, a translation whose placeholders do not match) goes to Django's own code.

The kept translations are dropped when the languages or the catalogues' settings change
(LANGUAGES, LANGUAGE_CODE, LOCALE_PATHS, USE_I18N).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from weakref import WeakSet

from django.core.signals import setting_changed
from django.template import Library
from django.template.base import render_value_in_context
from django.templatetags import i18n
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from advisor.html import escaped
from advisor.language import current_language

register = Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)

KEPT = 4096  # distinct messages times languages: far more than the site's templates hold


class TranslateNode(i18n.TranslateNode):
    def render(self, context):
        var = self.filter_expression.var
        if self.noop or self.message_context or self.asvar or self.filter_expression.filters:
            return super().render(context)
        if var.lookups is not None:  # a variable, not a literal
            return super().render(context)
        key = (current_language(), context.autoescape)
        kept = self.kept.get(key)
        if kept is None:
            kept = self.kept[key] = super().render(context)
        return kept

    @property
    def kept(self) -> dict:
        found = self.__dict__.get("_kept")
        if found is None:
            found = self.__dict__["_kept"] = {}
            _nodes.add(self)
        return found


class BlockTranslateNode(i18n.BlockTranslateNode):
    def render(self, context, nested=False):
        if self.message_context or nested:
            return super().render(context, nested)
        # As Django: the tag's values are pushed on the context, the count read after them.
        context.update({var: value.resolve(context) for var, value in self.extra_context.items()})
        try:
            found = self._translated(context)
        finally:
            context.pop()
        if found is None:
            return super().render(context)  # a count that is not a number: Django's error
        result, data = found
        try:
            result %= data
        except (KeyError, ValueError):
            return super().render(context)  # Django's fallback to the source text
        if self.asvar:
            context[self.asvar] = SafeString(result)
            return ""
        return result

    def _translated(self, context) -> tuple[str, dict] | None:
        """The translation and its values, rendered (None: leave it to Django)."""
        singular, names = self.messages[0]
        if self.plural and self.countervar and self.counter:
            count = self.counter.resolve(context)
            if not isinstance(count, (Decimal, float, int)):
                return None
            context[self.countervar] = count
            plural, plural_names = self.messages[1]
            result = ngettext(singular, plural, count)
            names = names + plural_names
        else:
            result = _gettext(current_language(), singular)
        data = {}
        for name in names:
            value = context.get(name, _MISSING)
            if value is _MISSING:
                invalid = context.template.engine.string_if_invalid
                value = invalid % name if "%s" in invalid else invalid
            data[name] = _rendered(value, context)
        return result, data

    @property
    def messages(self) -> tuple:
        """(singular message id, its names), and the plural's: as Django writes them."""
        found = self.__dict__.get("_messages")
        if found is None:
            plural = self.render_token_list(self.plural) if self.plural else None
            found = self.__dict__["_messages"] = (self.render_token_list(self.singular), plural)
        return found


_MISSING = object()


def _rendered(value, context) -> str:
    """Django's render_value_in_context, without its localising and escaping steps for the
    values a sentence holds most: plain text (escaped as Django escapes it, advisor/html.py),
    a whole number outside `{% localize on %}` (Django writes its plain digits), and text that
    is already safe HTML (Django returns it as it is)."""
    kind = type(value)
    if kind is str:
        return escaped(value) if context.autoescape else value
    if kind is int and context.use_l10n is False:
        return SafeString(value) if context.autoescape else str(value)
    if kind is SafeString and context.autoescape:
        return value
    return render_value_in_context(value, context)


def gettext(message: str) -> str:
    """Django's gettext, each translation kept per language (for the tags written in Python
    too: they translate their words on every page)."""
    if type(message) is not str:  # a lazy text: Django's own
        return translation.gettext(message)
    return _gettext(current_language(), message)


@lru_cache(maxsize=KEPT)
def _gettext(language: str | None, message: str) -> str:
    return translation.gettext(message)


_nodes: WeakSet[TranslateNode] = WeakSet()  # the translate tags that keep a text


def _forget(*, setting, **kwargs):
    if setting in ("LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "USE_I18N"):
        _gettext.cache_clear()
        for node in _nodes:
            node.kept.clear()


setting_changed.connect(_forget)


def _with_node_class(parse, node_class):
    def tag(parser, token):
        node = parse(parser, token)
        if type(node) is node_class.__bases__[0]:
            node.__class__ = node_class
        return node

    return tag


for name in ("translate", "trans"):
    register.tags[name] = _with_node_class(i18n.register.tags[name], TranslateNode)
for name in ("blocktranslate", "blocktrans"):
    register.tags[name] = _with_node_class(i18n.register.tags[name], BlockTranslateNode)
