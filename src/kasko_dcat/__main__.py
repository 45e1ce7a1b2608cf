"""``python -m kasko_dcat`` runs the command line."""

from kasko_dcat.cli import main

main()
