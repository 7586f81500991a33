"""Reading a month's spending over £500 from a CSV or XLSX file, all or nothing.

``read_spending_file`` parses and checks every row and returns either the rows, ready to store
as a draft, or the problems found, each naming its row and column as every import's do; nothing
is stored unless the whole file is good. Each row carries the redaction rule's flags
(``redaction.py``) and is set to be redacted if flagged: staff confirm or change that before the
month is released, and a redacted row's name is dropped when it is.
"""

import re
from decimal import Decimal

from pcc_portal.tables import (
    CheckResult,
    RowError,
    UnreadableTable,
    cell_day,
    cell_number,
    read_table,
)
from pcc_portal.tables import cell_text as _cell
from plans.models import Plan
from plans.selectors import PublishedPlan

from .models import SPENDING_THRESHOLD, Payment
from .redaction import MARKED_AS_INDIVIDUAL_COLUMNS, redaction_flags

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000  # the heading included
MAX_AMOUNT = Decimal("1e12")  # Payment.amount holds 14 digits, 2 of them pence

# Column headings people use, normalised (lower case, letters only), to our field names.
COLUMNS = {
    "date": "paid_on",
    "paymentdate": "paid_on",
    "dateofpayment": "paid_on",
    "transactiondate": "paid_on",
    "supplier": "supplier",
    "suppliername": "supplier",
    "payee": "supplier",
    "suppliertype": "supplier_type",
    "payeetype": "supplier_type",
    "expensetype": "expense_type",
    "expenditurecategory": "expense_type",
    "category": "expense_type",
    "servicearea": "service_area",
    "department": "service_area",
    "amount": "amount",
    "amountgbp": "amount",
    "amount£": "amount",
    "netamount": "amount",
    "transactionnumber": "reference",
    "transactionno": "reference",
    "transactionreference": "reference",
    "reference": "reference",
    "purpose": "purpose",
    "purposeofexpenditure": "purpose",
    "valueformoney": "value_for_money",
    "valueformoneyreasons": "value_for_money",
    "whyvalueformoney": "value_for_money",
    "planpriority": "priority",
    "priority": "priority",
    **dict.fromkeys(MARKED_AS_INDIVIDUAL_COLUMNS, "marked_as_individual"),
}
REQUIRED = {
    "paid_on": "Date",
    "supplier": "Supplier",
    "expense_type": "Expense type",
    "amount": "Amount",
    "reference": "Transaction number",
}


def _normalise(heading):
    return re.sub(r"[^a-z£]", "", str(heading or "").lower())


def _priorities_in_force():
    """For a payment's date, the public plan priorities by number, as the plan in force on
    that date published them: a file names a priority by its number in that plan."""
    plans = [(plan, None) for plan in Plan.objects.public()]
    found = {}

    def lookup(day, number):
        for index, (plan, priorities) in enumerate(plans):
            if plan.term_start <= day <= plan.term_end:
                if priorities is None:
                    priorities = {p.number: p for p in PublishedPlan(plan).priorities}
                    plans[index] = (plan, priorities)
                found[(day, number)] = priorities.get(number)
                return found[(day, number)], plan
        return None, None

    return lookup


def read_spending_file(*, content, filename, month):
    """Parse and check a month's file, as a ``CheckResult`` whose rows are unsaved payments.
    ``month`` is the first day of the month it covers. A problem names its column by the
    heading the file gives it, so staff find it in their own export."""
    result = CheckResult()
    priority_in_force = _priorities_in_force()
    try:
        rows = read_table(content, filename, max_bytes=MAX_BYTES, max_rows=MAX_ROWS)
    except UnreadableTable as error:
        result.add([RowError(0, "", str(error))])
        return result
    (_, heading_row), body = rows[0], rows[1:]
    heading = [COLUMNS.get(_normalise(value)) for value in heading_row]
    missing = [label for key, label in REQUIRED.items() if key not in heading]
    if missing:
        message = f"The first row must name the columns; missing: {', '.join(missing)}."
        result.add([RowError(1, "", message)])
        return result
    if not body:
        result.add([RowError(0, "", "The file has headings but no payments.")])
        return result
    column = {key: _cell(value) for key, value in zip(heading, heading_row, strict=True) if key}
    result.row_count = len(body)

    seen = {}
    for number, row in body:
        values = {key: row[i] if i < len(row) else None for i, key in enumerate(heading) if key}
        problems = []  # (the column's key, the message)
        paid_on = cell_day(values.get("paid_on"))
        if paid_on is None:
            problems.append(
                ("paid_on", f"“{_cell(values.get('paid_on'))}” is not a date like 15/10/2025.")
            )
        elif (paid_on.year, paid_on.month) != (month.year, month.month):
            problems.append(("paid_on", f"{paid_on:%d/%m/%Y} is not in {month:%B %Y}."))
        amount = cell_number(values.get("amount"))
        if amount is None:
            problems.append(("amount", f"“{_cell(values.get('amount'))}” is not a number."))
        elif abs(amount) >= MAX_AMOUNT:
            problems.append(("amount", f"“{_cell(values.get('amount'))}” is too large."))
        else:
            amount = amount.quantize(Decimal("0.01"))
            if amount <= SPENDING_THRESHOLD:
                problems.append(("amount", f"£{amount:,.2f} is not over £500: leave the row out."))
        supplier = _cell(values.get("supplier"))
        if not supplier:
            problems.append(("supplier", "The supplier is blank."))
        expense_type = _cell(values.get("expense_type"))
        if not expense_type:
            problems.append(("expense_type", "The expense type is blank."))
        reference = _cell(values.get("reference"))
        if not reference:
            problems.append(("reference", "The transaction number is blank."))
        elif reference in seen:
            problems.append(
                ("reference", f"Transaction {reference} is also on row {seen[reference]}.")
            )
        else:
            seen[reference] = number
        priority, priority_text = None, _cell(values.get("priority"))
        if priority_text and paid_on is not None:
            number_text = priority_text.removeprefix("Priority").strip().removesuffix(".0")
            if not number_text.isdecimal():
                problems.append(
                    (
                        "priority",
                        f"“{priority_text}” is not a priority's number (for example 2).",
                    )
                )
            else:
                priority, plan = priority_in_force(paid_on, int(number_text))
                if plan is None:
                    problems.append(
                        (
                            "priority",
                            f"No published police and crime plan was in force on "
                            f"{paid_on:%d/%m/%Y}, so the plan priority cannot be linked: leave it "
                            "blank.",
                        )
                    )
                elif priority is None:
                    problems.append(("priority", f"{plan} has no priority {number_text}."))
        if problems:
            result.add([RowError(number, column[key], message) for key, message in problems])
            continue
        supplier_type = _cell(values.get("supplier_type"))
        service_area = _cell(values.get("service_area"))
        flags = redaction_flags(
            supplier=supplier,
            supplier_type=supplier_type,
            expense_type=expense_type,
            service_area=service_area,
            marked_as_individual=_cell(values.get("marked_as_individual")),
        )
        result.rows.append(
            Payment(
                row_number=number,
                paid_on=paid_on,
                reference=reference[:100],
                supplier=supplier[:200],
                supplier_type=supplier_type[:200],
                is_redacted=bool(flags),
                redaction_flags=flags,
                expense_type=expense_type[:200],
                service_area=service_area[:200],
                amount=amount,
                purpose=_cell(values.get("purpose"))[:500],
                value_for_money=_cell(values.get("value_for_money")),
                priority=priority,
            )
        )
    return result
