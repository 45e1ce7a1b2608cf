"""kasko-dcat: an authority's Act 906/2019 § 28 description of its information resources as DCAT-AP 3.0.1."""

__version__ = "0.1.0"
