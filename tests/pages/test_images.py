"""Images in documents: staff upload the portal's own, put them in with their alternative text,
and they show on the page and in the PDF as tagged figures; images from anywhere else never do."""

import io
from pathlib import Path

import pikepdf
import pytest
from django.urls import reverse
from PIL import Image as PILImage

from pcc_portal.pages.forms import ContentPageForm
from pcc_portal.pages.images import Image
from pcc_portal.publications import pdf
from pcc_portal.publications.markdown import render_markdown
from tests.access import AccessRule
from tests.publications.test_pdf import canary  # noqa: F401 (a fixture)

URL = "/manage/pages/images/"


def _picture(kind="PNG", size=(40, 20), **save_options):
    data = io.BytesIO()
    PILImage.new("RGB", size, "navy").save(data, kind, **save_options)
    data.seek(0)
    data.name = f"figure.{kind.lower()}"
    return data


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


class TestManageImagesAccess(AccessRule):
    url_name = "pages_manage:images"
    access = "pages.add_image"


@pytest.mark.django_db
def test_an_editor_uploads_an_image_and_is_given_its_markdown(client, editor, media):
    client.force_login(editor)
    picture = _picture("JPEG", exif=PILImage.Exif())

    response = client.post(
        URL, {"file": picture, "alt_text": "  Map of the county's  three divisions "}, follow=True
    )

    image = Image.objects.get()
    assert image.alt_text == "Map of the county's three divisions"
    assert image.uploaded_by == editor
    assert (image.width, image.height) == (40, 20)
    name = Path(image.file.name)
    assert str(name.parent) == "images" and name.suffix == ".jpg"
    assert len(name.stem) >= 24 and "figure" not in name.stem
    assert (media / image.file.name).is_file()
    html = response.content.decode()
    assert f"![Map of the county&#x27;s three divisions](/media/{image.file.name})" in html
    assert 'alt="Map of the county&#x27;s three divisions"' in html


@pytest.mark.django_db
def test_the_upload_is_re_encoded_so_nothing_but_the_picture_is_kept(client, editor, media):
    client.force_login(editor)
    picture = _picture()
    picture = io.BytesIO(picture.getvalue() + b"<script>alert(1)</script>")
    picture.name = "figure.png"

    client.post(URL, {"file": picture, "alt_text": "A chart"})

    stored = (media / Image.objects.get().file.name).read_bytes()
    assert b"<script>" not in stored
    with PILImage.open(io.BytesIO(stored)) as reopened:
        assert reopened.format == "PNG" and reopened.size == (40, 20)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: _named(b"not an image at all", "figure.png"), "must be a PNG or JPEG image"),
        (lambda: _picture("GIF"), "must be a PNG or a JPEG"),
        (lambda: _picture(size=(4001, 10)), "at most 4,000 pixels"),
        (
            lambda: _named(b"\0" * (2 * 1024 * 1024 + 1), "big.png"),
            "the largest allowed is 2.0\xa0MB",
        ),
    ],
)
def test_anything_but_a_small_png_or_jpeg_is_refused_and_the_typing_kept(
    client, editor, media, upload, message
):
    client.force_login(editor)

    response = client.post(URL, {"file": upload(), "alt_text": "What I typed"})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "govuk-error-summary" in html
    assert 'value="What I typed"' in html
    assert not Image.objects.exists()
    assert not list(media.rglob("*.*"))


def _named(content, name):
    data = io.BytesIO(content)
    data.name = name
    return data


@pytest.mark.django_db
def test_an_image_needs_its_alternative_text(client, editor, media):
    client.force_login(editor)

    response = client.post(URL, {"file": _picture(), "alt_text": "   "})

    assert "Enter the alternative text" in response.content.decode()
    assert not Image.objects.exists()


def test_the_portals_own_images_are_kept_with_their_alternative_text():
    html = render_markdown(
        "![Map of the divisions](/media/images/Ab_9-x.png)\n\n"
        "![The logo](/static/images/favicon.svg)"
    )
    assert '<img alt="Map of the divisions" src="/media/images/Ab_9-x.png">' in html
    assert '<img alt="The logo" src="/static/images/favicon.svg">' in html


@pytest.mark.parametrize(
    "markdown",
    [
        "![](/media/images/abc.png)",
        "![   ](/media/images/abc.png)",
        "![A map](https://evil.example/map.png)",
        "![A map](http://127.0.0.1/map.png)",
        "![A map](file:///etc/passwd)",
        "![A map](//evil.example/map.png)",
        "![A map](/media/images/../private/map.png)",
        "![A map](/media/decisions/part2.png)",
        "![A map](/media/images/abc.pdf)",
        "![A map](/media/images/abc.png?x=1)",
        "![A map](/static/../settings.py)",
        "![A map](data:image/png;base64,iVBORw0KGgo=)",
        '<img src="/media/images/abc.png">',
        '<img src="https://evil.example/map.png" alt="A map">',
    ],
)
def test_images_without_alt_text_or_from_elsewhere_are_dropped(markdown):
    assert "<img" not in render_markdown(markdown)


@pytest.mark.django_db
def test_the_page_form_says_which_images_cannot_be_shown():
    form = ContentPageForm(
        data={
            "title": "About",
            "slug": "about",
            "body": "![](/media/images/abc.png)\n\n![A map](https://evil.example/map.png)",
        }
    )
    assert not form.is_valid()
    errors = " ".join(form.errors["body"])
    assert "/media/images/abc.png has no alternative text" in errors
    assert "https://evil.example/map.png is not one of the portal's images" in errors


def _figures(content):
    figures = []
    with pikepdf.open(io.BytesIO(content)) as document:
        stack = [document.Root.StructTreeRoot]
        while stack:
            element = stack.pop()
            for child in pdf._structure_children(element):
                if str(child.S) == "/Figure":
                    figures.append(str(child.get("/Alt", "")))
                stack.append(child)
    return figures


def _document(body_html):
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Plan</title>'
        f"</head><body><h1>Plan</h1>{body_html}</body></html>"
    )


@pytest.mark.django_db
def test_an_uploaded_image_is_a_tagged_figure_with_its_alt_text_in_the_pdf(client, editor, media):
    client.force_login(editor)
    client.post(URL, {"file": _picture(), "alt_text": "Map of the divisions"})
    image = Image.objects.get()

    result = pdf.render_pdf(_document(render_markdown(f"Our area:\n\n{image.snippet()}")))

    assert _figures(result.content) == ["Map of the divisions"]


def test_an_image_from_elsewhere_or_a_file_url_is_never_fetched_for_the_pdf(canary):  # noqa: F811
    base, requests = canary
    markdown = f"![A map]({base}/map.png)\n\n![The password file](file:///etc/passwd)"

    result = pdf.render_pdf(_document(render_markdown(markdown)))

    assert requests == []
    assert _figures(result.content) == []
    assert b"root:" not in result.content


def test_the_fetcher_refuses_an_image_elsewhere_and_a_file_url(canary):  # noqa: F811
    base, requests = canary
    fetcher = pdf.SafeURLFetcher()
    for url in [f"{base}/map.png", "file:///etc/passwd", "file://localhost/etc/passwd"]:
        with pytest.raises(pdf.RefusedURL):
            fetcher.fetch(url)
    assert requests == []


@pytest.mark.django_db
def test_the_content_pages_list_links_to_the_images(client, editor):
    client.force_login(editor)
    html = client.get(reverse("pages_manage:list")).content.decode()
    assert f'href="{URL}"' in html
