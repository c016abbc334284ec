"""The Streamlit side of the product: the only package (with `pages/` and `streamlit_app.py`)
that imports Streamlit. Everything it shows is computed by the pure modules of `dashboard`."""
