"""Text analysis and alignment for comparing reports. Plain Python: no Django imports."""
