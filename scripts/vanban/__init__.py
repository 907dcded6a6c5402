"""vanban: Party reports and the directives they cite, as a searchable MkDocs site."""

__version__ = "0.1.0"
