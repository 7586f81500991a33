"""A publication listener for the tests: records what it is told."""

heard = []


def index_version(version):
    heard.append(("index_version", version.pk))


def remove_object(obj):
    heard.append(("remove_object", obj.pk))
