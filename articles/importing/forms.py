"""The admin's import form: pasted text, URLs of pages to fetch and/or several files, and
the outlet to use for items that name none."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from ..models import Source
from .webpages import parse_url_lines


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Paste an article",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 90}),
        help_text="Text copied from a web page: headline, outlet and byline are found in it.",
    )
    urls = forms.CharField(
        label="Or give web addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 90}),
        help_text="One URL a line. Each page is fetched and its article read; a page that cannot "
        "be fetched is refused with its reason and the others still load.",
    )
    files = MultipleFileField(
        label="Or upload files",
        required=False,
        allow_empty_file=True,  # the import reports an empty file as a refused item, by name
        help_text=".txt, .html, .json, .jsonl, .csv, or a .zip of them. Several files at once are fine.",
    )
    source = forms.ModelChoiceField(
        label="Outlet",
        queryset=Source.objects.order_by("name"),
        required=False,
        empty_label="(choose an existing outlet)",
        help_text="Used only for items whose record or text names no outlet.",
    )
    new_source = forms.CharField(label="or a new outlet", max_length=200, required=False, strip=True)
    strict = forms.BooleanField(label="Store nothing if any item is invalid", required=False)

    def clean_files(self) -> list[UploadedFile]:
        files = self.cleaned_data["files"]
        if len(files) > settings.IMPORT_MAX_FILES:
            raise forms.ValidationError(
                f"Too many files: {len(files)}; the limit is {settings.IMPORT_MAX_FILES}."
            )
        total = sum(f.size for f in files)
        if total > settings.IMPORT_MAX_UPLOAD_BYTES:
            limit = settings.IMPORT_MAX_UPLOAD_BYTES
            shown, allowed = filesizeformat(total), filesizeformat(limit)
            if shown == allowed:  # 10.0 MB + 1 byte must not read "10.0 MB; the limit is 10.0 MB"
                shown, allowed = f"{total:,} bytes", f"{limit:,} bytes"
            raise forms.ValidationError(f"The upload is {shown}; the limit is {allowed}.")
        return files

    def clean_urls(self) -> list[str]:
        urls = parse_url_lines(self.cleaned_data["urls"])
        if len(urls) > settings.FETCH_MAX_URLS:
            raise forms.ValidationError(
                f"Too many URLs: {len(urls)}; the limit is {settings.FETCH_MAX_URLS}."
            )
        return urls

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        # Files refused by clean_files were chosen: asking for "at least one file" would mislead.
        given = (data.get("text") or "").strip() or data.get("files") or data.get("urls")
        if not given and "files" not in self.errors and "urls" not in self.errors:
            raise forms.ValidationError("Paste an article, give a URL or choose at least one file.")
        if data.get("source") and data.get("new_source"):
            self.add_error("new_source", "Choose an existing outlet or type a new one, not both.")
        chosen = data.get("source")
        data["default_source"] = chosen.name if chosen else (data.get("new_source") or "")
        return data
