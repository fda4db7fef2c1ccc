"""Configuration: arguments, then the environment, then `.env`, then defaults; typed, actionable errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradepose import BatchTester, ClientConfig, ConfigError
from tradepose import _constants as C
from tradepose._http._config import read_env_file

SECRET = "tp_live_SUPERSECRET"


def test_defaults() -> None:
    """With only a key, every other setting has its documented default."""
    cfg = ClientConfig.resolve(api_key="k", env={}, env_file=None)
    assert cfg == ClientConfig(api_key="k")
    assert (cfg.server_url, cfg.timeout, cfg.max_retries) == (C.DEFAULT_SERVER_URL, 30.0, 3)
    assert (cfg.poll_interval, cfg.poll_timeout, cfg.log) == (2.0, 300.0, None)


@pytest.mark.parametrize(
    ("arg", "env_name", "field", "arg_value", "env_value", "file_value", "expected_env"),
    [
        ("server_url", "SERVER_URL", "server_url", "http://a", "http://b", "http://c", "http://b"),
        ("timeout", "TIMEOUT", "timeout", 11.0, "12", "13", 12.0),
        ("max_retries", "MAX_RETRIES", "max_retries", 1, "2", "4", 2),
        ("poll_interval", "POLL_INTERVAL", "poll_interval", 0.5, "0.75", "1.5", 0.75),
        ("poll_timeout", "POLL_TIMEOUT", "poll_timeout", 20.0, "30", "40", 30.0),
        ("api_key", "API_KEY", "api_key", "key-a", "key-b", "key-c", "key-b"),
        ("jwt_token", "JWT_TOKEN", "jwt_token", "jwt.a", "jwt.b", "jwt.c", "jwt.b"),
    ],
)
def test_precedence_args_env_file(
    tmp_path: Path, arg: str, env_name: str, field: str, arg_value: object, env_value: str, file_value: str,
    expected_env: object,
) -> None:  # fmt: skip
    """Each TRADEPOSE_* setting is read: argument beats environment beats .env file."""
    env_file = tmp_path / ".env"
    env_file.write_text(f"TRADEPOSE_JWT_TOKEN=fallback\nTRADEPOSE_{env_name}={file_value}\n")
    env = {f"TRADEPOSE_{env_name}": env_value}
    from_arg = ClientConfig.resolve(env=env, env_file=env_file, **{arg: arg_value})  # type: ignore[arg-type]
    from_env = ClientConfig.resolve(env=env, env_file=env_file)
    from_file = ClientConfig.resolve(env={}, env_file=env_file)
    assert getattr(from_arg, field) == arg_value
    assert getattr(from_env, field) == expected_env
    assert str(getattr(from_file, field)) == str(type(expected_env)(file_value))


def test_env_file_syntax(tmp_path: Path) -> None:
    """`.env` accepts comments, `export`, quotes and inline comments."""
    path = tmp_path / ".env"
    path.write_text("# c\nexport A=\"x y\"\nB='q'\nC=v # note\nnot a pair\n\nD = spaced \n")
    assert read_env_file(path) == {"A": "x y", "B": "q", "C": "v", "D": "spaced"}
    assert read_env_file(tmp_path / "missing") == {}


def test_log_setting_is_read() -> None:
    """TRADEPOSE_LOG is read (lower-cased) so `debug` can turn on request logging."""
    assert ClientConfig.resolve(api_key="k", env={"TRADEPOSE_LOG": "DEBUG"}, env_file=None).log == "debug"


@pytest.mark.parametrize(
    ("kwargs", "env", "fragment"),
    [
        ({"api_key": "k", "server_url": "api.tradepose.com"}, {}, "use e.g. 'https://api.tradepose.com'"),
        ({"api_key": "k", "server_url": "ftp://x"}, {}, "no http:// or https:// scheme"),
        ({"api_key": "k", "server_url": "https://"}, {}, "has no host"),
        ({"api_key": "tp_live_abc\n"}, {}, "contains whitespace"),
        ({"api_key": "tp live"}, {}, "contains whitespace"),
        ({"api_key": ""}, {}, "API key is empty"),
        ({}, {}, "no credential: pass api_key= or jwt_token="),
        ({"jwt_token": "Bearer abc"}, {}, "starts with 'Bearer '"),
        ({"jwt_token": "   "}, {}, "JWT is empty"),
        ({"api_key": "k"}, {"TRADEPOSE_TIMEOUT": "soon"}, "TRADEPOSE_TIMEOUT='soon' is not a valid float"),
        ({"api_key": "k"}, {"TRADEPOSE_MAX_RETRIES": "2.5"}, "TRADEPOSE_MAX_RETRIES='2.5' is not a valid int"),
        ({"api_key": "k", "timeout": 0.001}, {}, "TRADEPOSE_TIMEOUT=0.001 is out of range"),
        ({"api_key": "k", "max_retries": 99}, {}, "between 0 and 10"),
        ({"api_key": "k"}, {"TRADEPOSE_POLL_INTERVAL": "-1"}, "TRADEPOSE_POLL_INTERVAL=-1.0 is out of range"),
    ],
)
def test_invalid_settings_say_what_to_fix(kwargs: dict[str, object], env: dict[str, str], fragment: str) -> None:
    """Bad settings raise ConfigError whose message says how to fix them."""
    with pytest.raises(ConfigError) as info:
        ClientConfig.resolve(env=env, env_file=None, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert fragment in message
    assert "tp_live_abc" not in message
    assert "tp live" not in message


def test_url_is_normalised() -> None:
    """Whitespace and trailing slashes are stripped; a sub-path is kept."""
    cfg = ClientConfig.resolve(api_key="k", server_url="  http://host:8000/gw/  ", env={}, env_file=None)
    assert cfg.server_url == "http://host:8000/gw"


def test_credentials_are_optional_when_asked() -> None:
    """A later BatchTester/CLI can resolve settings without a credential (e.g. for a health check)."""
    assert ClientConfig.resolve(env={}, env_file=None, require_credential=False).api_key is None


def test_repr_hides_credentials() -> None:
    """repr() names which credentials are set, never their values."""
    cfg = ClientConfig.resolve(api_key=SECRET, jwt_token="jwt.SECRET.sig", env={}, env_file=None)
    text = repr(cfg)
    assert SECRET not in text and "jwt.SECRET" not in text
    assert "credentials=api_key+jwt_token" in text


@pytest.mark.parametrize(
    "url", ["http://gw.test:abc", "http://gw.test:99999", "http://gw.test:0", "https://gw.test:/x"]
)
def test_bad_ports_are_refused(url: str) -> None:
    """A port that is not 1-65535 is a ConfigError naming it, not httpx.InvalidURL or OverflowError later."""
    with pytest.raises(ConfigError, match="use a number from 1 to 65535"):
        ClientConfig.resolve(api_key="tp_test_abcdefgh", server_url=url, env_file=None)


def test_bad_port_leaves_no_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """BatchTester refuses a bad port at construction, before any workdir or journal exists."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError):
        BatchTester(api_key="tp_test_abcdefgh", server_url="http://gw.test:99999", env_file=None)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["http://gw.test:8443", "http://[::1]:8080/api", "http://[::1]", "https://gw.test"])
def test_good_ports_and_ipv6_hosts_pass(url: str) -> None:
    """Numeric ports and bracketed IPv6 hosts are accepted unchanged."""
    assert ClientConfig.resolve(api_key="tp_test_abcdefgh", server_url=url, env_file=None).server_url == url.rstrip("/")
