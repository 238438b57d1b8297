from django import forms

from .models import Annotation


class AnnotationCreateForm(forms.Form):
    tag = forms.ChoiceField(choices=Annotation.Tag.choices)
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=0)
    note = forms.CharField(required=False, max_length=5000, strip=True)
    snap = forms.BooleanField(required=False, initial=True)

    def clean(self):
        data = super().clean()
        if "start" in data and "end" in data and data["end"] <= data["start"]:
            raise forms.ValidationError("Select some text first.")
        return data


class AnnotationEditForm(forms.ModelForm):
    tag = forms.ChoiceField(choices=Annotation.Tag.choices, widget=forms.RadioSelect)

    class Meta:
        model = Annotation
        fields = ["tag", "note"]
        widgets = {
            "note": forms.Textarea(attrs={"rows": 3, "maxlength": 5000}),
        }
