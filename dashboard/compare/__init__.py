"""The Compare page's computations, all pure: where the plans agree, overlap and compete.

`matrix` counts records per theme and city, `designations` gathers the claims plans make on the
same designation, `zones` aligns 2–4 zones, `targets` puts each indicator family in one unit and
says when it cannot be compared, `emphasis` gives each plan's share of zones and projects per theme.
"""
