# Mentore · mentor · sq

## Mentor dashboard: the people who fund places.

dashboard-mentor-title = Faqja e mentorit
dashboard-mentor-events-title = Ngjarje për t'u mbështetur
dashboard-mentor-events-text = Kurset dhe ngjarjet e ardhshme ku mund të financoni vende.
