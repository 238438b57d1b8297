import io
import os
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.django_db
def test_login_page_renders(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content


@pytest.mark.django_db
def test_home_explains_how_to_import_when_empty(reader_client):
    response = reader_client.get("/")
    assert response.status_code == 200
    assert b"import_articles" in response.content


@pytest.mark.django_db
def test_demo_user_created_only_in_a_database_without_users():
    out = io.StringIO()
    call_command("create_demo_user", stdout=out)
    demo = get_user_model().objects.get(username="demo")
    assert demo.check_password("demo")
    assert "demo / demo" in out.getvalue()


@pytest.mark.django_db
def test_demo_user_not_created_when_accounts_exist(reader):
    call_command("create_demo_user", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="demo").exists()


def _django_check(**env):
    clean_env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_without_secret_key_refuses_to_start():
    result = _django_check(DEBUG="false", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_deploy_checks():
    result = _django_check(
        DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="news.example.org"
    )
    assert result.returncode == 0, result.stderr
