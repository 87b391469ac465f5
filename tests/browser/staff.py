"""Logging a staff member into the admin in a real browser, as the admin flows' tests begin."""

USERNAME, PASSWORD = "chief", "pw-chief-1234"


def log_in_as_staff(page, live_server, django_user_model, next_path: str = "") -> None:
    """Create a superuser and sign in through the admin's login form."""
    django_user_model.objects.create_superuser(USERNAME, "chief@example.com", PASSWORD)
    page.goto(f"{live_server.url}/admin/login/" + (f"?next={next_path}" if next_path else ""))
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
