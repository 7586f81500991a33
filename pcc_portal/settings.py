"""Settings for the PCC governance portal, read from the environment.

With no environment set the portal runs on the embedded default: SQLite under ./var/, Celery tasks
run eagerly in-process, media on local disk. Each setting names its default beside it.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# A development key is only acceptable while DEBUG is on; production must set its own.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment (for example "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), or set DEBUG=1 "
            "to run with the development key."
        )
    SECRET_KEY = "django-insecure-development-key-for-the-embedded-demo-only"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Name shown in the header, titles and documents.
PORTAL_NAME = env.str("PORTAL_NAME", default="Lancashire Police and Crime Commissioner")
PORTAL_SHORT_NAME = env.str("PORTAL_SHORT_NAME", default="Lancashire PCC")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_forms_gds",
    "csp",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "simple_history",
    "pcc_portal.accounts",
    "pcc_portal.history",
    "pcc_portal.demo",
    "pcc_portal.operations",
    "pcc_portal.publications",
    "pcc_portal.pages",
    "pcc_portal.approvals",
    "pcc_portal.caching",
    "rest_framework",
    "drf_spectacular",
    "pcc_portal.api",
    "plans",
    "panel",
    "decisions",
    "performance",
    "transparency",
    "casework",
    "imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed (static files come compressed from WhiteNoise). BREACH: Django's GZip adds
    # random padding per response ("Heal the BREACH") and CSRF tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    # ETag (content digest, or a PDF's checksum) and 304 Not Modified for feeds, exports, PDFs.
    "django.middleware.http.ConditionalGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # 304 Not Modified for feeds, exports and PDFs the public already has, before any content
    # query: their ETag is the publication generation's (pcc_portal/caching).
    "pcc_portal.caching.middleware.PublishedConditionalGetMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "pcc_portal.accounts.middleware.StaffPagesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Anything withdrawn answers 410 Gone with its public notice.
    "pcc_portal.publications.public.WithdrawnMiddleware",
    # Axes last, as its documentation asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pcc_portal.urls"
WSGI_APPLICATION = "pcc_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pcc_portal.context_processors.portal",
            ],
        },
    },
]

# Database: DATABASE_URL, default a SQLite file under ./var/.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A server's connection is kept between requests (CONN_MAX_AGE seconds), checked before each
# request reuses it: opening one per request cost a public page served from the cache more
# than the rest of its work. SQLite opens a file, not a connection: 0, a connection a request.
_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if _SQLITE else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if _SQLITE:
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the eager Celery work and page views share the file without "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: REDIS_URL, default unset (tasks run eagerly in-process, local-memory cache).
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's own Redis backend. The broker shares the database, so the cache's keys
            # carry a prefix of their own: clearing them never touches Celery's queues.
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
# The broker must not hand an unacknowledged task to a second worker while the first still runs.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT * 2}
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=512_000)
# The address-space cap of each worker pool process, in MB (0: none).
WORKER_MEMORY_LIMIT_MB = env.int("WORKER_MEMORY_LIMIT_MB", default=2048)
CELERY_TIMEZONE = "Europe/London"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "manage:dashboard"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: staff accounts are created by an administrator; nobody signs up.
ACCOUNT_ADAPTER = "pcc_portal.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
# Nobody learns from the password reset page which addresses have accounts, and an address
# without one is sent nothing.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# allauth's request limits, counted in the cache, are on at its defaults (sign-in 30 a minute per
# address, confirming your password 10 a minute per account...) with these changes. Wrong
# passwords and codes are django-axes's to count and lock (below): allauth's count of them is off.
ACCOUNT_RATE_LIMITS = {
    "login_failed": None,
    # Password reset emails: to one address 3 an hour and 10 a day; from one address 10 an hour.
    "reset_password": "10/h/ip,3/h/key,10/d/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = PORTAL_SHORT_NAME
# A wrong code counts towards the lockout as a wrong password does, and a locked account's code is
# refused.
MFA_FORMS = {
    "authenticate": "pcc_portal.accounts.forms.AuthenticateForm",
    "reauthenticate": "pcc_portal.accounts.forms.ReauthenticateForm",
}
# Two-factor sign-in for every staff account, and no session used until it has passed the second
# factor: on in production, off in the embedded demo.
REQUIRE_MFA = env.bool("REQUIRE_MFA", default=not DEBUG)

# django-axes: lock an account after repeated failed passwords or codes from any addresses, and an
# address after repeated failures on any accounts (more of them: an office shares one address).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_HANDLER = "pcc_portal.accounts.lockout.AccountAndAddressLockout"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The account's username, whether its username or its email was typed, in any case.
AXES_USERNAME_CALLABLE = "pcc_portal.accounts.lockout.attempted_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files: built GOV.UK Frontend assets under static/build/, served by WhiteNoise.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private-media")
PRIVATE_STORAGE = env.str("PRIVATE_STORAGE", default="")
STORAGES = {
    "default": {
        "BACKEND": env.str("MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage")
    },
    # Files that only permission-checking views hand out (decisions' Part 2 papers), never served
    # from MEDIA_URL. On S3, point PRIVATE_STORAGE at a bucket that is never publicly readable.
    "private": {"BACKEND": PRIVATE_STORAGE}
    if PRIVATE_STORAGE
    else {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
    },
    "staticfiles": {
        "BACKEND": env.str(
            "STATIC_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# S3-compatible media storage (django-storages) is configured through MEDIA_STORAGE and its own
# AWS_* variables when the portal grows past one machine.

# The public read API (/api/v1/): public content only, no sign-in, a rate limit per address.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"api": env.str("API_RATE", default="120/minute")},
    "NUM_PROXIES": AXES_IPWARE_PROXY_COUNT,
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{PORTAL_NAME}: public read API",
    "DESCRIPTION": "Published plans, decisions and Police and Crime Panel meetings, as the public "
    "pages show them.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
}

# Modules told about every version that goes public (`index_version(version)`), every object
# no longer public (`remove_object(obj)`) and every withdrawal (`withdrawn(withdrawal)`), in the
# same transaction: the site search index, and agenda packs that carry a withdrawn document.
PUBLICATION_LISTENERS = ["transparency.search", "panel.listeners"]

# When a decision takes its reference NN/YYYY: "signature" (when it is signed, so abandoned
# drafts leave no gaps) or "raise" (when it is submitted for the declarations, as OPCCs that number
# their forms on raising do).
DECISION_NUMBERING = env.str("DECISION_NUMBERING", default="signature")
if DECISION_NUMBERING not in ("signature", "raise"):
    raise ImproperlyConfigured(
        f"DECISION_NUMBERING is {DECISION_NUMBERING!r}: set it to 'signature' or 'raise'."
    )

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@pcc.example.org")
# Who is reminded about Specified Information index items no officer is responsible for (empty:
# everyone who may edit the index items).
TRANSPARENCY_LEAD_EMAIL = env.str("TRANSPARENCY_LEAD_EMAIL", default="")
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))

# Security headers. HTTPS settings default on unless DEBUG (the embedded demo serves plain HTTP).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
# The __Host- prefix binds a cookie to this exact host over HTTPS; browsers refuse it over HTTP.
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        "pcc_portal.security": {"level": "INFO", "propagate": True},
    },
}

CELERY_BEAT_SCHEDULE = {
    "requeue-stalled-render-jobs": {
        "task": "pcc_portal.publications.tasks.requeue_stalled_render_jobs",
        "schedule": 60.0,
    },
    "requeue-stalled-pack-builds": {
        "task": "panel.tasks.requeue_stalled_pack_builds",
        "schedule": 60.0,
    },
    "transparency-due-reminders": {
        "task": "transparency.tasks.send_due_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "transparency-alert-digests": {
        "task": "transparency.tasks.send_alert_digests",
        "schedule": crontab(minute=15),
    },
    "decisions-publication-reminders": {
        "task": "decisions.tasks.send_publication_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    "panel-agenda-reminders": {
        "task": "panel.tasks.send_agenda_reminders",
        "schedule": crontab(hour=7, minute=45),
    },
}
# The site's address, for links in emails sent without a request (reminders, alert digests).
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")
