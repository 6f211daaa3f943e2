"""A form is one case, however many times Send is pressed."""

import threading

import pytest
from django.db import connections
from django.test import Client

from heeded.cases.models import Case
from heeded.public.models import Submission

from .journeys import answer_all, check_url, send, step_url, token_on


@pytest.mark.django_db
def test_pressing_send_twice_makes_one_case_and_the_same_confirmation(client):
    answer_all(client, "complaint")
    token = token_on(client.get(check_url("complaint")))
    first = client.post(check_url("complaint"), {"token": token})
    second = client.post(check_url("complaint"), {"token": token})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Case.objects.count() == 1
    assert client.get(second["Location"]).status_code == 200


@pytest.mark.django_db
def test_back_after_sending_then_send_again_makes_no_second_case(client):
    response = send(client, "compliment")
    # The browser kept the old "Check your answers" page; its token is already used.
    token = response["Location"].rstrip("/").split("/")[-1]
    again = client.post(check_url("compliment"), {"token": token})
    assert again["Location"] == response["Location"]
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_back_from_the_confirmation_shows_the_confirmation_not_an_empty_form(client):
    # The browser's Back after sending asks for "Check your answers" again. Its answers
    # went with the form, so it sent people to an empty "What is your name?", as if nothing
    # had been sent: some would fill it in again and complain twice.
    response = send(client, "compliment")
    again = client.get(check_url("compliment"))
    assert again.status_code == 302
    assert again["Location"] == response["Location"]
    # Another kind of form, never sent from here, starts at its first question.
    assert client.get(check_url("comment"))["Location"].endswith("/comment/your-name/")


@pytest.mark.django_db
def test_back_twice_from_the_confirmation_shows_the_confirmation_not_an_empty_form(client):
    # QA in Chromium: Back from the confirmation showed it again, as above; Back once more
    # asked for the last question, which sent a child to an empty "What is your first
    # name?", as if nothing had been sent.
    response = send(client, "young-person")
    for step in ("what-you-want", "what-happened", "contact"):
        again = client.get(step_url("young-person", step))
        assert again["Location"] == response["Location"]
    # Starting the same kind of form afresh still starts at its first question.
    assert client.get(step_url("young-person", "your-name")).status_code == 200
    assert client.get(step_url("comment", "contact"))["Location"] == step_url(
        "comment", "your-name"
    )


@pytest.mark.django_db
def test_a_token_from_someone_elses_browser_does_not_open_their_confirmation(client):
    """The confirmation names the child and their reference, so it is shown only in the
    browser that sent the form. Its address (in a shared computer's history, or a log)
    holds the form's token; posting that token to "Check your answers" from another
    browser marked it as sent there and opened the confirmation."""
    response = send(client, "young-person")
    token = response["Location"].rstrip("/").split("/")[-1]
    assert client.get(response["Location"]).status_code == 200
    stranger = Client()
    taken = stranger.post(check_url("young-person"), {"token": token})
    assert taken.status_code != 302 or taken["Location"] != response["Location"]
    assert stranger.get(response["Location"]).status_code == 404
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_a_stale_token_shows_the_answers_again_instead_of_sending(client):
    answer_all(client, "comment")
    client.get(check_url("comment"))
    response = client.post(check_url("comment"), {"token": "0b7d3c59-5a53-4e4f-9d0e-6d6c5b2a3f10"})
    assert response["Location"] == check_url("comment")
    assert Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_sends_at_the_same_instant_make_one_case(taxonomy):
    # The double click that reaches two server threads at once: the unique token makes the
    # second wait for the first and then find its case (on PostgreSQL and SQLite alike).
    browser = Client()
    answer_all(browser, "complaint")
    token = token_on(browser.get(check_url("complaint")))
    session_cookie = browser.cookies
    results, errors = [], []
    start = threading.Barrier(2)

    def press_send():
        try:
            twin = Client()
            twin.cookies = session_cookie
            start.wait()
            results.append(twin.post(check_url("complaint"), {"token": token}))
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press_send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert [r.status_code for r in results] == [302, 302]
    assert results[0]["Location"] == results[1]["Location"]
    assert Case.objects.count() == 1
    assert Submission.objects.get().case == Case.objects.get()
