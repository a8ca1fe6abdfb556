"""`sgdocs serve`: documents written in the browser, in a form made from their kind, with
a live preview and the check beside the fields, saved as a hand edit would save them."""
