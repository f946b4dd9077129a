"""Settings, read from the environment (every variable is listed in docs/operations.md).

Production is any run with DEBUG off, the default: then SECRET_KEY, ALLOWED_HOSTS and
FIELD_ENCRYPTION_KEYS must be given (each missing one is named when it refuses to start) and
every transport-security setting is on, so `coproduce check --deploy` is clean.
Development (`make run`, the tests) sets DEBUG=true and gets local defaults.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import django_stubs_ext
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from coproduce.environment import (
    MISSING_SETTINGS,
    database_from_environment,
    env_bool,
    env_list,
    env_secret,
    logging_from_environment,
    media_storage_from_environment,
)

django_stubs_ext.monkeypatch()

SRC_DIR = Path(__file__).resolve().parent
BASE_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(os.environ.get("COPRODUCE_VAR_DIR", BASE_DIR / "var"))


# Off unless asked for: a forgotten variable must not serve tracebacks to the public.
DEBUG = env_bool("DEBUG", False)
# A development key only when DEBUG is on; production refuses to start without one.
SECRET_KEY = env_secret(
    "SECRET_KEY", "dev-only-insecure-key-change-me-0123456789abcdefghijklmnop" if DEBUG else None
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
if not ALLOWED_HOSTS:
    MISSING_SETTINGS.append("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Where the accessibility statement tells people to report a problem (besides their organisation).
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "")

INSTALLED_APPS = [
    # Bilingual content organisations write (project names, roles, rewards, framework copies):
    # each registered field gets an English and a Welsh column (each app's translation.py).
    "modeltranslation",
    # The Django admin behind the product's sign-in and second factor (accounts/admin_site.py).
    "coproduce.accounts.admin_apps.SignedInAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    # Our apps come before allauth so our templates override its pages.
    "coproduce.core",
    "coproduce.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "coproduce.organisations",
    "coproduce.audit",
    "coproduce.notifications",
    "coproduce.assessments",
    "coproduce.projects",
    "coproduce.credits",
    "coproduce.consent",
    "coproduce.safeguarding",
    "coproduce.inclusion",
    "coproduce.media",
    "coproduce.outcomes",
    "coproduce.synthetic",
    "coproduce.commissioning",
    "coproduce.story",
    "coproduce.monitoring",
    "coproduce.home",
]

MIDDLEWARE = [
    # First: every request gets an id and one JSON log line, redirects and static files too.
    "coproduce.core.observability.RequestLogMiddleware",
    # Permissions-Policy on every answer; Cache-Control: no-store on every signed-in one.
    "coproduce.core.headers.SecurityHeadersMiddleware",
    # Load-balancer probes, answered before the HTTPS redirect and the Host check.
    "coproduce.core.health.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "coproduce.core.headers.CSPMiddleware",  # django-csp's, each policy built once
    "django.contrib.sessions.middleware.SessionMiddleware",
    "coproduce.core.middleware.LocaleMiddleware",  # Django's, without i18n_patterns' checks
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, reading the person and their memberships from the shared cache when it is on.
    "coproduce.accounts.member_cache.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "coproduce.accounts.middleware.ApiTokenMiddleware",
    "coproduce.organisations.middleware.TenancyMiddleware",
    "coproduce.core.middleware.UserLanguageMiddleware",
    "coproduce.accounts.security.SecurityMiddleware",
    # Last: our error pages in both DEBUG modes, inside the organisation's scope.
    "coproduce.core.errors.ErrorPagesMiddleware",
]

ROOT_URLCONF = "coproduce.urls"
WSGI_APPLICATION = "coproduce.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "coproduce.core.context_processors.navigation",
            ],
            "builtins": [
                "coproduce.core.templatetags.govuk",
                "coproduce.core.templatetags.bilingual",
            ],
        },
    }
]
FORM_RENDERER = "coproduce.core.forms.GovukFormRenderer"

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": database_from_environment(VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# NCSC guidance: length and a deny-list, no composition rules.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Names of the person, their organisation and services (ASVS 6.2.11); millions of
    # breached passwords, checked offline (ASVS 6.2.4).
    {"NAME": "coproduce.accounts.passwords.ContextPasswordValidator"},
    {"NAME": "coproduce.accounts.passwords.BreachedPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_ADAPTER = "coproduce.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "coproduce.accounts.forms.LoginForm",
    "reauthenticate": "coproduce.accounts.forms.ReauthenticateForm",
}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
# Other sessions end on a password change (Django rotates the session hash); this one stays.
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
# Wrong passwords are counted by the adapter (accounts/throttle.py: per account, per account
# and address, per address); allauth's counter is left for wrong two-step codes, per account.
ACCOUNT_RATE_LIMITS = {"login_failed": "5/15m/key"}
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_FORMS = {  # plain labels and hints for the codes from an app on the phone
    "authenticate": "coproduce.accounts.forms.AuthenticateForm",
    "reauthenticate": "coproduce.accounts.forms.MfaReauthenticateForm",
    "activate_totp": "coproduce.accounts.forms.ActivateTOTPForm",
}
MFA_TOTP_ISSUER = "Coproduce"
# allauth refuses set-up while an address is unverified, guarding against sign-up with someone
# else's address. Nobody signs up here and addresses are not verified, so that refusal only
# shut staff out of the set-up they must do (opening the e-mail page adds an unverified one).
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_ADAPTER = "coproduce.accounts.security.MFAAdapter"
MFA_ENCRYPTION_KEY = os.environ.get("MFA_ENCRYPTION_KEY", "")
# Keys for encrypted fields (authenticator secrets), newest first: the first encrypts, all
# decrypt; `coproduce rotate_field_keys` re-encrypts with the first. Independent of SECRET_KEY.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
if not FIELD_ENCRYPTION_KEYS and "FIELD_ENCRYPTION_KEYS_FILE" in os.environ:
    _keys_file = Path(os.environ["FIELD_ENCRYPTION_KEYS_FILE"]).read_text()
    FIELD_ENCRYPTION_KEYS = _keys_file.replace(",", " ").split()
if not FIELD_ENCRYPTION_KEYS and MFA_ENCRYPTION_KEY:
    FIELD_ENCRYPTION_KEYS = [MFA_ENCRYPTION_KEY]  # the key's earlier name still works
if not FIELD_ENCRYPTION_KEYS and DEBUG:
    FIELD_ENCRYPTION_KEYS = ["dev-only-field-key-not-for-production"]
if not FIELD_ENCRYPTION_KEYS:
    MISSING_SETTINGS.append("FIELD_ENCRYPTION_KEYS (or FIELD_ENCRYPTION_KEYS_FILE)")
if MISSING_SETTINGS:
    raise ImproperlyConfigured(
        "DEBUG is off (production), so these settings are required: "
        + ", ".join(MISSING_SETTINGS)
        + ". Set them in the environment (docs/operations.md lists them all), "
        "or set DEBUG=true for development."
    )
# Sessions record whose they are, so one person's can be found (and ended) by an index.
SESSION_ENGINE = "coproduce.core.sessions"
# Django's FallbackStorage, made only when a request reads or writes a message.
MESSAGE_STORAGE = "coproduce.core.middleware.LazyFallbackStorage"
SESSION_IDLE_SECONDS = int(os.environ.get("SESSION_IDLE_SECONDS", str(30 * 60)))
SESSION_ABSOLUTE_SECONDS = int(os.environ.get("SESSION_ABSOLUTE_SECONDS", str(8 * 60 * 60)))
LOGIN_URL_PATH = "/auth/login/"

# The client's address is REMOTE_ADDR, or X-Forwarded-For's rightmost untrusted hop when
# REMOTE_ADDR is one of these proxies (addresses or networks, comma-separated).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    ipaddress.ip_network(_proxy, strict=False)  # a mistyped proxy stops the start, named
# Lock-out and throttles (accounts/throttle.py), counted in the shared cache below.
SIGN_IN_LOCKOUT_MINUTES = int(os.environ.get("SIGN_IN_LOCKOUT_MINUTES", "15"))
SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS = int(
    os.environ.get("SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS", "5")
)
SIGN_IN_FAILURES_PER_ACCOUNT = int(os.environ.get("SIGN_IN_FAILURES_PER_ACCOUNT", "10"))
SIGN_IN_FAILURES_PER_ADDRESS = int(os.environ.get("SIGN_IN_FAILURES_PER_ADDRESS", "50"))
SIGN_IN_CODE_FAILURES_PER_ADDRESS = int(os.environ.get("SIGN_IN_CODE_FAILURES_PER_ADDRESS", "10"))
API_BAD_TOKENS_PER_ADDRESS = int(os.environ.get("API_BAD_TOKENS_PER_ADDRESS", "20"))
API_REQUESTS_PER_TOKEN_PER_MINUTE = int(os.environ.get("API_REQUESTS_PER_TOKEN_PER_MINUTE", "300"))

# One cache for every process and server: Redis when REDIS_URL is set, otherwise a table in
# the database (made by accounts' migration 0003), never a per-process memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "coproduce.core.redis_cache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "coproduce_cache",
        }
    )
}

# Sessions, the signed-in person and their memberships read from the shared cache for this
# long, checked against versions every change updates (accounts/member_cache.py): on by
# default with Redis; 0 turns it off (each request then reads them from the database).
MEMBER_CACHE_SECONDS = int(os.environ.get("MEMBER_CACHE_SECONDS", "300" if REDIS_URL else "0"))
# With Redis, each process keeps the session and versions it read until Redis tells it of a
# change (core.redis_cache); it reads them from Redis at least this often all the same.
MEMBER_CACHE_CONFIRM_SECONDS = float(os.environ.get("MEMBER_CACHE_CONFIRM_SECONDS", "0.25"))

SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English")), ("cy", _("Welsh"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
# Organisations' own texts: shown in the reader's language, else the other one (marked up with
# its own lang attribute where shown: core/bilingual.py).
# The "Cymraeg" / "English" switch remembers a visitor's choice for a year.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en-gb"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en-gb",), "en-gb": ("cy",)}
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Filled by `coproduce collectstatic` (the install step); WhiteNoise serves it.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Photos with more pixels than this are refused before decoding (decompression bombs).
MEDIA_MAX_IMAGE_PIXELS = int(os.environ.get("MEDIA_MAX_IMAGE_PIXELS", "40000000"))
# Private media: a private S3-compatible bucket when MEDIA_S3_BUCKET is set (keys from
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role), MEDIA_ROOT otherwise.
# Downloads are streamed after the permission check, or with MEDIA_DOWNLOAD=redirect sent to a
# pre-signed URL valid for MEDIA_PRESIGNED_SECONDS (core/storage.py).
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
MEDIA_DOWNLOAD = os.environ.get("MEDIA_DOWNLOAD", "stream")
if MEDIA_DOWNLOAD not in {"stream", "redirect"}:
    raise ImproperlyConfigured("MEDIA_DOWNLOAD must be 'stream' or 'redirect'.")
MEDIA_PRESIGNED_SECONDS = int(os.environ.get("MEDIA_PRESIGNED_SECONDS", "60"))
STORAGES = {
    "default": media_storage_from_environment(MEDIA_S3_BUCKET, MEDIA_PRESIGNED_SECONDS),
    # Hashed, compressed names (cached for ever) from the manifest collectstatic writes.
    # With DEBUG on, pages link the plain names and need no collectstatic.
    "staticfiles": {"BACKEND": "coproduce.core.static_storage.StaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# The worker gives up on a silent server after this long and tries again later.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Coproduce <no-reply@localhost>")

# GOV.UK Notify (docs/operations.md, "Connecting GOV.UK Notify"). Each organisation may enter
# its own API key in its message settings; NOTIFY_API_KEY is the product's, used otherwise.
# Without any key, e-mail goes through EMAIL_BACKEND and texts only to the console (DEBUG).
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")
# Notify's delivery receipts come to /notifications/notify-callback/ with this bearer token.
NOTIFY_CALLBACK_TOKEN = os.environ.get("NOTIFY_CALLBACK_TOKEN", "")
SMS_TO_CONSOLE = env_bool("SMS_TO_CONSOLE", DEBUG)

# Content-Security-Policy: no inline script; nonces for the two module tags we own.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
# Load balancers probe over plain HTTP: an answer, not a redirect to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
CSRF_FAILURE_VIEW = "coproduce.core.errors.csrf_failure"
# /readyz fails when tasks have waited longer than this (no worker is running).
READYZ_TASK_BACKLOG_MINUTES = int(os.environ.get("READYZ_TASK_BACKLOG_MINUTES", "15"))
READYZ_TASK_BACKLOG_MAX = int(os.environ.get("READYZ_TASK_BACKLOG_MAX", "0"))

# Background work (e-mail) is queued in the database and run by `coproduce worker`:
# no broker, on SQLite and PostgreSQL alike.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# One line per record on standard error: JSON in production (with the request's id),
# readable text while developing. LOG_FORMAT=json|text overrides.
LOG_FORMAT, LOGGING = logging_from_environment(DEBUG)

# Error reporting, only when a DSN is given; personal data is scrubbed before sending.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from coproduce.core.observability import init_sentry

    init_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

# API lists come a page at a time: 100 by default, at most 500 (`?limit=…&offset=…`).
NINJA_PAGINATION_PER_PAGE = 100
NINJA_PAGINATION_MAX_LIMIT = 500
