from rules.parameters import rules_checked_on


def site(request):
    return {"rules_checked_on": rules_checked_on()}
