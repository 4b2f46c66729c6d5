"""The [cluster] table: absent changes nothing, bad values are one specific line, the password
comes from the environment and is a secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.config import ConfigError, load_config


def _config(tmp_path: Path, cluster: str) -> Path:
    path = tmp_path / "wirewatch.toml"
    path.write_text(
        cluster + '\n[[sources]]\nname = "wire"\nkind = "feed"\nurls = ["https://w.example/f"]\n'
    )
    return path


def test_without_cluster_table_nothing_changes(tmp_path: Path) -> None:
    """No [cluster]: local crawls, as before."""
    assert load_config(_config(tmp_path, "")).cluster is None


def test_cluster_table_with_password_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The password comes from WIREWATCH_REDIS_PASSWORD, is kept out of the printable URL and is
    one of the secrets redacted from logs."""
    monkeypatch.setenv("WIREWATCH_REDIS_PASSWORD", "s3cr/t")
    config = load_config(
        _config(tmp_path, '[cluster]\nredis_url = "redis://10.0.0.5:6379/0"\nkey_prefix = "ww1"')
    )
    assert config.cluster is not None
    assert config.cluster.redis_url == "redis://10.0.0.5:6379/0"
    assert config.cluster.connection_url() == "redis://:s3cr%2Ft@10.0.0.5:6379/0"
    assert "s3cr/t" in config.secrets() and "s3cr%2Ft" in config.secrets()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('redis_url = "http://x"', "field 'redis_url': must be a redis:// or rediss:// URL"),
        ('redis_url = "redis://:pw@x:6379"', "must not hold the password"),
        ('redis_url = "redis://x"\nkey_prefix = "a b"', "field 'key_prefix': must be 1-64 letters"),
        ('redis_url = "redis://x"\nbatch_size = 0', "field 'batch_size': must be a whole number"),
        ('redis_url = "redis://x"\nworker_timeout = "1s"', "must be at least 3 seconds"),
        ('redis_url = "redis://x"\nhosts = 3', "field 'hosts': unknown key"),
    ],
)
def test_bad_cluster_values_are_one_specific_line(tmp_path: Path, table: str, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_config(_config(tmp_path, f"[cluster]\n{table}"))
    assert message in str(err.value)
    assert "[cluster]" in str(err.value)
    assert "\n" not in str(err.value)
