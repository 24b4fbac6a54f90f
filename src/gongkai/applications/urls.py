from django.urls import path

from .views import actions, detail, notices, part_three, register, register_list, worklist

app_name = "applications"

urlpatterns = [
    path("", worklist.work_list_view, name="list"),
    path("new/", register.register_view, name="register"),
    path("all/", register_list.all_applications, name="all"),
    path("<int:pk>/", detail.application_detail, name="detail"),
    path("<int:pk>/personal/", detail.personal_data, name="personal"),
    path("<int:pk>/attachment/", detail.attachment, name="attachment"),
    path("<int:pk>/reply/", register_list.reply, name="reply"),
    path("<int:pk>/event/", actions.event_view, name="event"),
    path("<int:pk>/decide/", actions.decide_view, name="decide"),
    path("<int:pk>/fee/", actions.fee_view, name="fee"),
    path("<int:pk>/notice/", notices.notice_view, name="notice"),
    path("agency/<int:pk>/part-three/", part_three.part_three_view, name="part_three"),
]
