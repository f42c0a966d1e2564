"""The scam benchmark counts recall on scams and false alarms on real notices."""

from __future__ import annotations

from knowledge.scam_bench import measure


def test_measure_counts_recall_and_false_alarms():
    rows = [
        {"text": "Vietcombank: tai khoan bi khoa, truy cap https://vietcombank-xacthuc.com "
                 "trong 24h va nhap ma OTP", "label": "scam"},
        {"text": "Điện lực thông báo tiền điện tháng 11 của hộ bạn là 350.000 đồng.",
         "label": "legit"},
    ]
    result = measure(rows)
    assert result["scams"] == 1 and result["legit"] == 1
    assert result["scam_clear_recall"] == 1.0 and result["legit_called_clear"] == 0.0
