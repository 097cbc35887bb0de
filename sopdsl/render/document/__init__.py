"""The printable SOP AP document in its formats."""
