"""The panel follows withdrawals made elsewhere in the portal (a listener in
PUBLICATION_LISTENERS): a withdrawn document leaves every public agenda pack that carried it."""


def withdrawn(withdrawal):
    from .models import AgendaPack
    from .services.packs import withdraw_carried_versions

    if withdrawal.content_type.model_class() is AgendaPack:
        return  # a pack's own withdrawal: no pack carries another pack
    withdraw_carried_versions(withdrawal=withdrawal)
