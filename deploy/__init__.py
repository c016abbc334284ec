"""Deployment: several `streamlit run` replicas of the dashboard behind nginx (see deploy/README.md)."""
