"""The demo plans' finance: headline revenue figures (kind, label, financial year, amount,
note) and the 2016-2021 plan's capital programme in £ millions."""

from ..models import RevenueFigure

REVENUE_2016 = [
    (
        RevenueFigure.Kind.NET_REVENUE_BUDGET,
        "",
        "2016/17",
        "261500000",
        "Supports the delivery of the plan's priorities.",
    ),
    (
        RevenueFigure.Kind.GRANT,
        "",
        "2016/17",
        "4500000",
        "Specific grants on top of the revenue budget: £266m of spending in all.",
    ),
]

CAPITAL_2016 = {
    "IS/IT Strategy": ["12.751", "10.080", "6.160", "4.565", "4.290"],
    "Accommodation Strategy": ["12.460", "14.810", "1.000", "0.500", "0.500"],
    "Vehicle replacement": ["4.780", "2.300", "3.000", "2.300", "2.300"],
    "Other Schemes": ["0.971", "0.200", "0.200", "0.200", "0.200"],
}
CAPITAL_YEARS_2016 = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"]

REVENUE_2021 = [
    (
        RevenueFigure.Kind.NET_REVENUE_BUDGET,
        "Budget for policing and crime",
        "2021/22",
        "319000000",
        "",
    ),
    (
        RevenueFigure.Kind.DELEGATED,
        "",
        "2021/22",
        "307000000",
        "For operational policing; over 80% is spent on officers and staff.",
    ),
    (
        RevenueFigure.Kind.BAND_D_PRECEPT,
        "",
        "2021/22",
        "226.45",
        "The 11th lowest Band D police council tax in England in 2020/21.",
    ),
    (
        RevenueFigure.Kind.PRECEPT_INCREASE,
        "",
        "2021/22",
        "15.00",
        "Supported by the Police and Crime Panel in February 2021.",
    ),
]
