"""Official reports (Decree 30/2020/NĐ-CP form) as PDF and Word. No Qt in this package."""
