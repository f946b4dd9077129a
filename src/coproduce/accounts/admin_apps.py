"""The Django admin app with our site (accounts/admin_site.py) as `admin.site`."""

from django.contrib.admin.apps import AdminConfig


class SignedInAdminConfig(AdminConfig):
    default_site = "coproduce.accounts.admin_site.SignedInAdminSite"
