"""Geometry for the GBA finance-zones dashboard.

Datum shifts, boundaries, zone shapes and display simplification.

Nothing here imports streamlit; every function takes its inputs as arguments.
"""
