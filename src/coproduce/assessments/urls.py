from django.urls import path

from coproduce.assessments.views import (
    assessing,
    frameworks,
    guidance,
    interviews,
    reports,
    rounds,
)

app_name = "assessments"
urlpatterns = [
    path("", assessing.index, name="index"),
    path("frameworks/", frameworks.framework_list, name="frameworks"),
    path("guidance/", guidance.guidance, name="guidance"),
    path("frameworks/import/", frameworks.framework_import, name="import"),
    path("frameworks/<int:version_id>/", frameworks.version_detail, name="version"),
    path(
        "frameworks/<int:version_id>/export/<str:format>/",
        frameworks.version_export,
        name="export",
    ),
    path("frameworks/<int:version_id>/copy/", frameworks.version_copy, name="copy"),
    path("frameworks/<int:version_id>/new-version/", frameworks.version_new, name="new_version"),
    path("frameworks/<int:version_id>/scoring-sheet/", reports.blank_sheet, name="sheet"),
    path(
        "frameworks/<int:version_id>/interview-questions/",
        interviews.question_set,
        name="question_set",
    ),
    path("interviews/", interviews.interview_list, name="interviews"),
    path("interviews/new/", interviews.interview_new, name="interview_new"),
    path("interviews/<int:interview_id>/", interviews.interview_detail, name="interview"),
    path(
        "interviews/<int:interview_id>/send/", interviews.interview_submit, name="interview_submit"
    ),
    path(
        "interviews/<int:interview_id>/candidates/<int:candidate_id>/score/",
        interviews.interview_sheet,
        name="interview_sheet",
    ),
    path(
        "interviews/<int:interview_id>/candidates/<int:candidate_id>/",
        interviews.interview_candidate,
        name="interview_candidate",
    ),
    path(
        "interviews/<int:interview_id>/candidates/<int:candidate_id>/agree/<int:indicator_id>/",
        interviews.interview_agree,
        name="interview_agree",
    ),
    path("bands/<int:band_id>/change/", frameworks.band_edit, name="band_edit"),
    path("indicators/<int:indicator_id>/change/", frameworks.indicator_edit, name="indicator_edit"),
    path("rounds/open/", rounds.round_open, name="round_open"),
    path("rounds/<int:round_id>/", rounds.round_detail, name="round"),
    path("rounds/<int:round_id>/start/", assessing.start, name="start"),
    path("rounds/<int:round_id>/session/", assessing.session, name="session"),
    path("rounds/<int:round_id>/close/", rounds.round_close, name="round_close"),
    path("rounds/<int:round_id>/export.csv", reports.round_csv, name="round_csv"),
    path("rounds/<int:round_id>/report.pdf", reports.round_pdf, name="round_pdf"),
    path(
        "rounds/<int:round_id>/conversations/<int:indicator_id>/",
        rounds.conversation,
        name="conversation",
    ),
    path("trend/", rounds.trend, name="trend"),
    path("settings/", rounds.settings_edit, name="settings"),
    path("<int:assessment_id>/", assessing.assessment, name="assessment"),
    path("<int:assessment_id>/submit/", assessing.submit, name="submit"),
    path("<int:assessment_id>/result/", assessing.result, name="result"),
    path(
        "<int:assessment_id>/indicators/<int:indicator_id>/",
        assessing.indicator,
        name="indicator",
    ),
]
