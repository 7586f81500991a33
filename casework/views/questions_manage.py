"""Staff pages for public questions: the window for a meeting (deadline, limit, rules), and
accepting, rejecting and answering what the public asked."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, UpdateView

from panel.models import Meeting
from pcc_portal.views.decorators import staff

from .. import services
from ..forms import AnswerForm, DecideQuestionForm, QuestionWindowForm
from ..models import QuestionWindow, SubmittedQuestion
from .cases_manage import CaseworkPage


@staff("casework.view_submittedquestion")
def meeting_questions(request, pk):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
    window = QuestionWindow.objects.filter(meeting=meeting).first()
    return render(
        request,
        "casework/manage/questions.html",
        {
            "meeting": meeting,
            "window": window,
            "questions": window.questions.confirmed() if window else [],
        },
    )


class QuestionWindowView(CaseworkPage, UpdateView):
    """The window for a meeting's questions, opened here the first time."""

    permission_required = "casework.add_questionwindow"
    form_class = QuestionWindowForm
    page_title = "Take questions online"

    @cached_property
    def meeting(self):
        return get_object_or_404(
            Meeting.objects.visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def get_object(self, queryset=None):
        window = QuestionWindow.objects.filter(meeting=self.meeting).first()
        return window or QuestionWindow(meeting=self.meeting)

    def get_caption(self):
        return f"Meeting of {self.meeting.date:%-d %B %Y}"

    def save(self, form):
        return services.set_question_window(window=self.edited(form), by=self.request.user)

    def get_success_message(self):
        return f"Questions are open until {self.object.deadline:%-d %B %Y}."

    def get_success_url(self):
        return reverse("casework_manage:meeting_questions", kwargs={"pk": self.meeting.pk})


window_edit = QuestionWindowView.as_view()


class _QuestionPage:
    """A decision on, or the answer to, a question the public asked online."""

    permission_required = "casework.change_submittedquestion"

    @cached_property
    def question(self):
        return get_object_or_404(
            SubmittedQuestion.objects.visible_to(self.request.user).select_related(
                "window__meeting"
            ),
            pk=self.kwargs["pk"],
        )

    def get_caption(self):
        return str(self.question)

    def get_intro(self):
        return self.question.question

    def get_success_url(self):
        return reverse(
            "casework_manage:meeting_questions", kwargs={"pk": self.question.window.meeting_id}
        )


class QuestionDecideView(_QuestionPage, CaseworkPage, FormView):
    form_class = DecideQuestionForm
    page_title = "Accept or reject the question"
    success_message = "“{object}” was decided."

    def save(self, form):
        services.decide_question(
            question=self.question,
            accept=form.cleaned_data["decision"] == "accept",
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )
        return self.question


class QuestionAnswerView(_QuestionPage, CaseworkPage, FormView):
    form_class = AnswerForm
    page_title = "Record the answer"
    success_message = "The answer to “{object}” was saved."

    def get_initial(self):
        return {"answer": self.question.answer}

    def save(self, form):
        services.answer_question(
            question=self.question, answer=form.cleaned_data["answer"], by=self.request.user
        )
        return self.question
