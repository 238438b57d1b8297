from django import forms

from .models import StrippedSegment

BACK = [("source", "Source view"), ("detail", "Reading view")]


class ReclassifyForm(forms.Form):
    back = forms.ChoiceField(choices=BACK, required=False)


class StripForm(ReclassifyForm):
    kind = forms.ChoiceField(choices=StrippedSegment.Kind.choices)
