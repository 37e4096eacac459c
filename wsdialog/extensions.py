"""Extension objects, created here and attached to the app in ``create_app``."""

import sqlalchemy as sa
from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    # Stable constraint names, so that migrations can drop what they created
    # on SQLite (batch mode) and PostgreSQL alike.
    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )

    def __repr__(self) -> str:
        """``<SurveyCycle id=3 company_id=1 site_id=2>``: keys only, never a name,
        an e-mail or an answer, so that logs and tracebacks stay safe to share.
        Reads loaded values only: a repr never queries the database."""
        loaded = self.__dict__
        keys = [c.key for c in sa.inspect(type(self)).column_attrs
                if any(col.primary_key or col.foreign_keys for col in c.columns)]
        shown = " ".join(f"{k}={loaded[k]!r}" for k in keys if k in loaded)
        return f"<{type(self).__name__} {shown}>" if shown else f"<{type(self).__name__}>"


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
htmx = Htmx()
compress = Compress()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
