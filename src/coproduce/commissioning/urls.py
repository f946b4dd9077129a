from django.urls import path

from coproduce.commissioning import views

app_name = "commissioning"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.round_new, name="new"),
    path("<int:commissioning_id>/", views.round_detail, name="round"),
    path("<int:commissioning_id>/criteria/add/", views.criterion_add, name="criterion_add"),
    path("<int:commissioning_id>/lots/add/", views.lot_add, name="lot_add"),
    path("<int:commissioning_id>/documents/add/", views.document_add, name="document_add"),
    path(
        "<int:commissioning_id>/documents/<int:document_id>/",
        views.document_download,
        name="document",
    ),
    path("<int:commissioning_id>/bids/add/", views.bid_add, name="bid_add"),
    path("<int:commissioning_id>/bids/<int:bid_id>/file/", views.bid_file, name="bid_file"),
    path("<int:commissioning_id>/panel/add/", views.panel_add, name="panel_add"),
    path("<int:commissioning_id>/score/", views.score_home, name="score"),
    path("<int:commissioning_id>/score/submit/", views.scores_submit, name="submit"),
    path(
        "<int:commissioning_id>/bids/<int:bid_id>/interest/", views.bid_declare, name="bid_declare"
    ),
    path("<int:commissioning_id>/bids/<int:bid_id>/score/", views.bid_score, name="bid_score"),
    path("<int:commissioning_id>/moderation/", views.moderation, name="moderation"),
    path(
        "<int:commissioning_id>/bids/<int:bid_id>/moderate/",
        views.bid_moderate,
        name="bid_moderate",
    ),
    path("<int:commissioning_id>/finalise/", views.finalise, name="finalise"),
    path("<int:commissioning_id>/scores.csv", views.matrix_csv, name="matrix_csv"),
    path("<int:commissioning_id>/scores.xlsx", views.matrix_xlsx, name="matrix_xlsx"),
    path("<int:commissioning_id>/decision.pdf", views.decision_pdf, name="decision_pdf"),
    path(
        "<int:commissioning_id>/bids/<int:bid_id>/letter.pdf", views.feedback_letter, name="letter"
    ),
]
