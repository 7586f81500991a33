"""Checks shared by the tests of the pages that compare a published version with the one
before it."""


def linked_comparison(client, page_url, url):
    """The HTML of the comparison at ``url``, once the page at ``page_url`` is seen to link to it
    and the comparison to answer 200."""
    assert f'href="{url}"' in client.get(page_url).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()
