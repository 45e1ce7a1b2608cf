"""The ckanext-fluent validators avoindata.fi's schema and presets use, written for this test.

avoindata.fi runs ckanext-fluent from source (its fork of ckan/ckanext-fluent); PyPI's ckanext-fluent
1.0.0 (2015) is Python 2 only and lacks ``fluent_core_translated_output``, and code fetched from GitHub
may not be committed here. These four follow upstream's behaviour (ckan/ckanext-fluent, January 2025):
multilingual text and tag dicts stored as JSON strings, language codes BCP 47-like, every language of
``form_languages`` required only when the field says ``required``, and ``*_translated`` output that also
fills the core field (``title``, ``notes``, ``name``, ``description``) in the portal's default language.
A field given neither way is read from the form's ``field-LANG`` inputs, so an absent one is stored as
``{}``, as upstream does (tags given that way are not checked one by one here; the test uses no forms).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ckan.plugins.toolkit import Invalid, _, config, get_validator, missing
from ckanext.scheming.helpers import scheming_language_text
from ckanext.scheming.validation import scheming_validator

LANGUAGE = re.compile(r"^[a-z]{2,8}(-[0-9a-zA-Z]{1,8})*$")
SUFFIX = "_translated"


def _required_languages(field: dict[str, Any] | None, schema: dict[str, Any] | None) -> list[str]:
    if not field or not field.get("required"):
        return []
    languages = field.get("form_languages") or (schema or {}).get("form_languages")
    return list(languages or config.get("ckan.locales_offered") or ["en"])


def _from_form(key: tuple, data: dict, errors: dict, required: list[str], parse: Any) -> None:
    """The form route: ``field-LANG`` values from ``__extras`` (none given: ``{}``)."""
    prefix = key[-1] + "-"
    extras = data.get((*key[:-1], "__extras"), {})
    given = {name.split("-", 1)[1]: text for name, text in extras.items() if name.startswith(prefix)}
    bad = [lang for lang in given if not LANGUAGE.match(lang)]
    for lang in bad:
        errors[(*key[:-1], prefix + lang)] = [_('invalid language code: "%s"') % lang]
    absent = [lang for lang in required if not given.get(lang)]
    for lang in absent:
        errors[(*key[:-1], prefix + lang)] = [_("Missing value")]
    if bad or absent:
        return
    for lang in given:
        del extras[prefix + lang]
    data[key] = json.dumps(
        {lang: parse(text) for lang, text in given.items() if text or parse is str}, ensure_ascii=False
    )


def _language_errors(value: dict[str, Any]) -> list[str]:
    errors = []
    for lang in value:
        if not isinstance(lang, str):
            errors.append(_("invalid type for language code: %r") % lang)
        elif not LANGUAGE.match(lang):
            errors.append(_('invalid language code: "%s"') % lang)
    return errors


@scheming_validator
def fluent_text(field: dict[str, Any], schema: dict[str, Any]):
    """A dict (or its JSON text) of language → text, stored as JSON."""
    required = _required_languages(field, schema)

    def validator(key, data, errors, context):
        if errors[key]:
            return
        value = data[key]
        if value is missing:
            _from_form(key, data, errors, required, str)
            return
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                errors[key].append(_("Failed to decode JSON string"))
                return
        if not isinstance(value, dict):
            errors[key].append(_("expecting JSON object"))
            return
        errors[key].extend(_language_errors(value))
        errors[key].extend(
            _('invalid type for "%s" value') % lang for lang, text in value.items() if not isinstance(text, str)
        )
        errors[key].extend(_('Required language "%s" missing') % lang for lang in required if not value.get(lang))
        if not errors[key]:
            data[key] = json.dumps(value, ensure_ascii=False)

    return validator


def fluent_text_output(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        return json.loads(value)
    except ValueError:  # a plain string in the database: the default language's
        return {config.get("ckan.locale_default", "en"): value}


@scheming_validator
def fluent_core_translated_output(field: dict[str, Any], schema: dict[str, Any]):
    """``x_translated`` as a dict on output, and the core field ``x`` in the portal's default language."""
    assert field["field_name"].endswith(SUFFIX), field["field_name"]

    def validator(key, data, errors, context):
        data[key] = fluent_text_output(data[key])
        core = (*key[:-1], key[-1][: -len(SUFFIX)])
        if core in data:
            data[core] = scheming_language_text(data[key], config.get("ckan.locale_default", "en"))

    return validator


@scheming_validator
def fluent_tags(field: dict[str, Any], schema: dict[str, Any]):
    """A dict of language → list of tags; each tag checked by CKAN's tag length and name validators."""
    required = _required_languages(field, schema)
    checks = [get_validator("tag_length_validator"), get_validator("tag_name_validator")]

    def validator(key, data, errors, context):
        if errors[key]:
            return
        value = data[key]
        if value is missing:
            _from_form(key, data, errors, required, lambda text: text.split(","))
            return
        if not isinstance(value, dict):
            errors[key].append(_("expecting JSON object"))
            return
        errors[key].extend(_language_errors(value))
        for lang, tags in value.items():
            if not isinstance(tags, list):
                errors[key].append(_('invalid type for "%s" value') % lang)
                continue
            checked = []
            for number, tag in enumerate(tags):
                if not isinstance(tag, str):
                    errors[key].append(_('invalid type for "{lang}" value item {num}').format(lang=lang, num=number))
                    continue
                for check in checks:
                    try:
                        tag = check(tag, {})
                    except Invalid as error:
                        errors[key].append(error.error)
                checked.append(tag)
            value[lang] = checked
        errors[key].extend(_('Required language "%s" missing') % lang for lang in required if not value.get(lang))
        if not errors[key]:
            data[key] = json.dumps(value)

    return validator


def fluent_tags_output(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else json.loads(value)


VALIDATORS = {
    "fluent_text": fluent_text,
    "fluent_text_output": fluent_text_output,
    "fluent_core_translated_output": fluent_core_translated_output,
    "fluent_tags": fluent_tags,
    "fluent_tags_output": fluent_tags_output,
}
