"""LiveOps Desk 直播运营台."""

__version__ = "0.1.0"
APP_NAME = "LiveOps Desk"
APP_ID = "liveops-desk"
ORG_NAME = "LiveOps"
