"""sopdsl: write, check and print Standard Operating Procedures (SOP AP, Permenpan RB 35/2012)."""

__version__ = "0.1.0"
