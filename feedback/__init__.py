"""Reports of mistakes sent from the result page: the one thing the site stores (with consent
for the optional e-mail address), read by staff in the Django admin."""
