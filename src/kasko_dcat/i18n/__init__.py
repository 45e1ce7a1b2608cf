"""What kasko-dcat says to people, and in which language: the message catalogue and the languages."""
