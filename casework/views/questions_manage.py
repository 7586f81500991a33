"""Staff pages for public questions: the window for a meeting (deadline, limit, rules), and
accepting, rejecting and answering what the public asked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect, render

from panel.models import Meeting

from .. import services
from ..forms import AnswerForm, DecideQuestionForm, QuestionWindowForm
from ..models import CaseworkError, QuestionWindow, SubmittedQuestion
from .cases_manage import _form_error, _form_page


@login_required
@permission_required("casework.view_submittedquestion", raise_exception=True)
def meeting_questions(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    window = QuestionWindow.objects.filter(meeting=meeting).first()
    return render(
        request,
        "casework/manage/questions.html",
        {
            "meeting": meeting,
            "window": window,
            "questions": window.questions.exclude(status=SubmittedQuestion.Status.UNCONFIRMED)
            if window
            else [],
        },
    )


@login_required
@permission_required("casework.add_questionwindow", raise_exception=True)
def window_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    window = QuestionWindow.objects.filter(meeting=meeting).first() or QuestionWindow(
        meeting=meeting
    )
    form = QuestionWindowForm(request.POST or None, instance=window)
    if request.method == "POST" and form.is_valid():
        window = services.set_question_window(window=form.save(commit=False), by=request.user)
        messages.success(request, f"Questions are open until {window.deadline:%-d %B %Y}.")
        return redirect("casework_manage:meeting_questions", pk=meeting.pk)
    return _form_page(
        request,
        form,
        title="Take questions online",
        caption=f"Meeting of {meeting.date:%-d %B %Y}",
    )


@login_required
@permission_required("casework.change_submittedquestion", raise_exception=True)
def question_decide(request, pk):
    question = get_object_or_404(SubmittedQuestion.objects.select_related("window__meeting"), pk=pk)
    form = DecideQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_question(
                question=question,
                accept=form.cleaned_data["decision"] == "accept",
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except CaseworkError as error:
            _form_error(form, error)
        else:
            messages.success(request, f"“{question}” was decided.")
            return redirect("casework_manage:meeting_questions", pk=question.window.meeting_id)
    return _form_page(
        request,
        form,
        title="Accept or reject the question",
        caption=str(question),
        intro=question.question,
    )


@login_required
@permission_required("casework.change_submittedquestion", raise_exception=True)
def question_answer(request, pk):
    question = get_object_or_404(SubmittedQuestion.objects.select_related("window__meeting"), pk=pk)
    form = AnswerForm(request.POST or None, initial={"answer": question.answer})
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_question(
                question=question, answer=form.cleaned_data["answer"], by=request.user
            )
        except CaseworkError as error:
            _form_error(form, error)
        else:
            messages.success(request, f"The answer to “{question}” was saved.")
            return redirect("casework_manage:meeting_questions", pk=question.window.meeting_id)
    return _form_page(
        request, form, title="Record the answer", caption=str(question), intro=question.question
    )
