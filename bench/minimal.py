"""The reference points: a bare Django view, and a minimal three-step django-formtools wizard as its
documentation shows it (stock NamedUrlSessionWizardView, stock template, nothing overridden)."""

from django import forms
from django.http import HttpResponse
from formtools.wizard.views import NamedUrlSessionWizardView


def bare(request):
    return HttpResponse("ok")


class FirstForm(forms.Form):
    first = forms.CharField(max_length=50)


class SecondForm(forms.Form):
    second = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])


class ThirdForm(forms.Form):
    third = forms.CharField(max_length=50)


class MinimalWizard(NamedUrlSessionWizardView):
    form_list = [("one", FirstForm), ("two", SecondForm), ("three", ThirdForm)]

    def done(self, form_list, **kwargs):
        return HttpResponse("done")
