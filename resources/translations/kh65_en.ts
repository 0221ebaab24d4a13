<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="82"/>
        <source>Giới thiệu {0}</source>
        <translation>About {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="85"/>
        <source>phiên bản {0}</source>
        <translation>version {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="87"/>
        <source>Kế hoạch số {0}</source>
        <translation>Plan No. {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="93"/>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="94"/>
        <source>Thư mục dữ liệu</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="95"/>
        <source>Thư mục sao lưu</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="96"/>
        <source>Thư mục nhật ký</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="107"/>
        <source>trên máy chủ</source>
        <translation>on the server</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="109"/>
        <source>Mở thư mục dữ liệu</source>
        <translation>Open the data folder</translation>
    </message>
</context>
<context>
    <name>AgencyListField</name>
    <message>
        <location filename="../../kh65_desktop/ui/agency_list_field.py" line="44"/>
        <source>Delete: bỏ cơ quan đang chọn</source>
        <translation>Delete: remove the selected agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/agency_list_field.py" line="59"/>
        <source>Gõ một phần tên cơ quan, Enter để thêm</source>
        <translation>Type part of an agency&apos;s name, Enter to add it</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/agency_list_field.py" line="64"/>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/agency_list_field.py" line="68"/>
        <source>Bỏ cơ quan đang chọn (Delete)</source>
        <translation>Remove the selected agency (Delete)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/agency_list_field.py" line="147"/>
        <source>“{0}” không khớp đúng một cơ quan trong văn bản. Hãy gõ thêm tên hoặc chọn trong danh sách (mũi tên xuống).</source>
        <translation>“{0}” does not match exactly one agency in the document. Type more of the name or choose from the list (down arrow).</translation>
    </message>
</context>
<context>
    <name>AgencyPicker</name>
    <message>
        <location filename="../../kh65_desktop/ui/agency_picker.py" line="29"/>
        <source>{0} (đến {1}; nay: {2})</source>
        <translation>{0} (until {1}; now: {2})</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/agency_picker.py" line="32"/>
        <source>{0} (đến {1})</source>
        <translation>{0} (until {1})</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/agency_picker.py" line="37"/>
        <source>{0} (nay: {1})</source>
        <translation>{0} (now: {1})</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/agency_picker.py" line="76"/>
        <source>Cơ quan trước đây</source>
        <translation>Former agencies</translation>
    </message>
</context>
<context>
    <name>AgencyTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="81"/>
        <source>Chọn một cơ quan ở danh sách bên trái.</source>
        <translation>Choose an agency in the list on the left.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="85"/>
        <source>Nhập số liệu kỳ mới…</source>
        <translation>Enter a new period&apos;s figures…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="88"/>
        <source>Bản thảo báo cáo…</source>
        <translation>Report draft…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="92"/>
        <source>Viết các phần lời văn của báo cáo kỳ này: tình hình, kết quả từng nhiệm vụ, tồn tại, nguyên nhân, giải pháp, kiến nghị</source>
        <translation>Write the narrative sections of this period&apos;s report: situation, each task&apos;s results, shortcomings, causes, solutions, proposals</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="97"/>
        <source>Thêm cơ quan…</source>
        <translation>Add agency…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="99"/>
        <source>Sửa cơ quan…</source>
        <translation>Edit agency…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="118"/>
        <source>Bảng</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="120"/>
        <source>Biểu đồ</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="137"/>
        <source>Chỉ tiêu chủ trì và phối hợp</source>
        <translation>Indicators led and coordinated</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="180"/>
        <source>{0} trả lại số liệu kỳ {1}: {2}</source>
        <translation>{0} returned the figures of {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="203"/>
        <source>{0}: chủ trì {1}, phối hợp {2} chỉ tiêu; {3} nhiệm vụ</source>
        <translation>{0}: leads {1}, coordinates {2} indicators; {3} tasks</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../kh65_desktop/ui/app.py" line="77"/>
        <source>Cơ sở dữ liệu {0} bị hỏng (kiểm tra toàn vẹn không đạt).</source>
        <translation>The database {0} is damaged (its integrity check failed).</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/app.py" line="93"/>
        <source>{0}

Khôi phục từ bản sao lưu gần nhất, {1}?

Tệp hiện tại được giữ lại bên cạnh với tên “{2}”. Các bản sao lưu ở {3}.</source>
        <translation>{0}

Restore the latest good backup, {1}?

The current file is kept beside it as “{2}”. The backups are in {3}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/app.py" line="99"/>
        <source>{0}

Không có bản sao lưu nào dùng được trong {1}.

Tạo cơ sở dữ liệu mới với kế hoạch có sẵn? Tệp hiện tại được giữ lại bên cạnh với tên “{2}”.</source>
        <translation>{0}

There is no usable backup in {1}.

Create a new database with the built-in plan? The current file is kept beside it as “{2}”.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/app.py" line="108"/>
        <source>{0}

Không có bản sao lưu nào dùng được trong {1}. Hãy liên hệ bộ phận hỗ trợ; tệp được giữ nguyên.</source>
        <translation>{0}

There is no usable backup in {1}. Please contact support; the file is kept as it is.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/app.py" line="193"/>
        <source>Cơ sở dữ liệu {0} đang được một cửa sổ KH65 khác hoặc một lệnh kh65 sử dụng. Hãy dùng cửa sổ đó, hoặc đợi lệnh chạy xong, rồi mở lại.</source>
        <translation>The database {0} is in use by another KH65 window or a kh65 command. Use that window, or wait for the command to finish, then start again.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/app.py" line="233"/>
        <source>{0}

Mật khẩu của “{1}” trên máy chủ {2}:</source>
        <translation>{0}

Password of “{1}” on the server {2}:</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../kh65_desktop/ui/context.py" line="213"/>
        <source>Không lưu được thay đổi: {0}. Dữ liệu không bị thay đổi.</source>
        <translation>The change could not be saved: {0}. No data was changed.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/context.py" line="209"/>
        <source>Đã lưu: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>BodiesPage</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="380"/>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="382"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="380"/>
        <source>Tên cơ quan</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="382"/>
        <source>Tên địa phương</source>
        <translation>Locality name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="382"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="391"/>
        <source>Thêm cơ quan…</source>
        <translation>Add agency…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="392"/>
        <source>Xóa cơ quan…</source>
        <translation>Delete agency…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="398"/>
        <source>Thêm địa phương…</source>
        <translation>Add locality…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="399"/>
        <source>Xóa địa phương…</source>
        <translation>Delete locality…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="429"/>
        <source>Không xóa được cơ quan</source>
        <translation>The agency cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="430"/>
        <source>Không xóa được địa phương</source>
        <translation>The locality cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="434"/>
        <source>xóa cơ quan “{0}”</source>
        <translation>delete agency “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="434"/>
        <source>xóa địa phương “{0}”</source>
        <translation>delete locality “{0}”</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../kh65_desktop/ui/chart_panel.py" line="19"/>
        <source>Lưu ảnh PNG…</source>
        <translation>Save PNG…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/chart_panel.py" line="22"/>
        <source>Lưu SVG…</source>
        <translation>Save SVG…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/chart_panel.py" line="42"/>
        <location filename="../../kh65_desktop/ui/chart_panel.py" line="49"/>
        <source>Lưu biểu đồ</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/chart_panel.py" line="42"/>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/chart_panel.py" line="49"/>
        <source>Ảnh SVG (*.svg)</source>
        <translation>SVG image (*.svg)</translation>
    </message>
</context>
<context>
    <name>Clerk</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/clerk.py" line="15"/>
        <source>Người nhập số liệu</source>
        <translation>Person entering figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/clerk.py" line="21"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/clerk.py" line="27"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/clerk.py" line="36"/>
        <source>Họ tên của anh/chị được ghi bên cạnh mỗi số liệu anh/chị nhập và trong lịch sử thay đổi, để sau này biết ai đã nhập hay sửa từng số.</source>
        <translation>Your name is recorded beside every figure you enter and in the change history, so that it is always known who entered or changed each figure.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="89"/>
        <source>Chỉ tiêu định tính không có kế hoạch bằng số.</source>
        <translation>A qualitative indicator has no numeric target.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="90"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="402"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="445"/>
        <source>Kế hoạch</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="100"/>
        <source>sửa kế hoạch “{0}”</source>
        <translation>edit target “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="108"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="143"/>
        <source>Kế hoạch chưa có kỳ báo cáo nào; hãy thêm kỳ báo cáo trước.</source>
        <translation>The plan has no reporting period yet; add one first.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="113"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="210"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="419"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="454"/>
        <source>Thực hiện</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="130"/>
        <source>sửa số thực hiện “{0}”</source>
        <translation>edit actual figure “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="139"/>
        <source>Chỉ tiêu định tính không có số cùng kỳ.</source>
        <translation>A qualitative indicator has no same-period figure.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="145"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="218"/>
        <source>Cùng kỳ</source>
        <translation>Year earlier</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="152"/>
        <source>sửa số cùng kỳ “{0}”</source>
        <translation>edit the same-period figure of “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="167"/>
        <source>Chỉ tiêu định tính ghi kết quả bằng lời văn, không bằng số; hãy gõ kết quả bằng lời (ví dụ “Đã hoàn thành 08/08 tiêu chí”).</source>
        <translation>A qualitative indicator&apos;s result is written in words, not as a number; type the result in words (e.g. “All 8 of 8 criteria met”).</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="185"/>
        <source>sửa kết quả “{0}”</source>
        <translation>edit the result of “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="191"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="328"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="193"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="196"/>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="198"/>
        <source>Cơ quan chủ trì</source>
        <translation>Lead agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="202"/>
        <source>Kế hoạch năm</source>
        <translation>Year target</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="226"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="230"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="464"/>
        <source>% KH</source>
        <translation>% of plan</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="235"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="476"/>
        <source>Còn lại</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="241"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="484"/>
        <source>Đánh giá</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="279"/>
        <source>{0} (chưa lưu)</source>
        <translation>{0} (not saved)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="287"/>
        <source>Chưa có số liệu</source>
        <translation>No figures yet</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="290"/>
        <source>tính đến ngày {0}</source>
        <translation>as of {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="291"/>
        <source>Người nhập: {0}</source>
        <translation>Entered by: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="298"/>
        <source>Số liệu cùng kỳ năm trước</source>
        <translation>The figure for the same period last year</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="299"/>
        <source>Cùng kỳ năm trước của kỳ “{0}”</source>
        <translation>The same period last year, for “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="305"/>
        <source>Văn bản ghi: {0}</source>
        <translation>The document says: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="315"/>
        <source>Tình trạng “{0}” không có trong danh sách.</source>
        <translation>Status “{0}” is not in the list.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="322"/>
        <source>đổi tình trạng nhiệm vụ {0}</source>
        <translation>change the status of task {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="331"/>
        <source>Nội dung</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="337"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="389"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="339"/>
        <source>Chưa phân công</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="344"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="390"/>
        <source>Phối hợp</source>
        <translation>Coordinating</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="350"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="357"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="364"/>
        <source>Mức độ</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="388"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="391"/>
        <source>Nhiệm vụ</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="401"/>
        <source>Hãy chọn chỉ tiêu trước.</source>
        <translation>Choose an indicator first.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="411"/>
        <source>sửa kế hoạch của {0}</source>
        <translation>edit the target of {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="418"/>
        <source>Hãy chọn chỉ tiêu và kỳ báo cáo trước.</source>
        <translation>Choose an indicator and a reporting period first.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="429"/>
        <source>sửa số thực hiện của {0}</source>
        <translation>edit the actual figure of {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="442"/>
        <source>Địa phương</source>
        <translation>Locality</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="105"/>
        <source>cơ sở dữ liệu đang bận (một chương trình khác đang ghi) hoặc không ghi được. Hãy thử lại sau</source>
        <translation>the database is busy (another program is writing to it) or cannot be written. Please try again later</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="114"/>
        <source>Không hoàn tác được «{0}»: {1}. Dữ liệu không bị thay đổi.</source>
        <translation>Could not undo “{0}”: {1}. The data was not changed.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="118"/>
        <source>Không làm lại được «{0}»: {1}. Dữ liệu không bị thay đổi.</source>
        <translation>Could not redo “{0}”: {1}. The data was not changed.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="122"/>
        <source>Hoàn tác hoặc làm lại không thành công</source>
        <translation>Undo or redo failed</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="139"/>
        <source>Không hoàn tác «{0}» cho {1} mục đã được sửa sau đó:</source>
        <translation>“{0}” was not undone for {1} items changed since:</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="143"/>
        <source>Không hoàn tác «{0}» cho {1} số liệu đã được sửa ở nơi khác sau đó:</source>
        <translation>“{0}” was not undone for {1} figures changed elsewhere since:</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="147"/>
        <source>Không làm lại «{0}» cho {1} số liệu đã được sửa ở nơi khác sau đó:</source>
        <translation>“{0}” was not redone for {1} figures changed elsewhere since:</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="156"/>
        <source>Không hoàn tác «{0}»: dữ liệu đã được sửa ở nơi khác sau đó.</source>
        <translation>“{0}” was not undone: the data was changed elsewhere since.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="160"/>
        <source>Không làm lại «{0}»: dữ liệu đã được sửa ở nơi khác sau đó.</source>
        <translation>“{0}” was not redone: the data was changed elsewhere since.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="169"/>
        <source>Có dữ liệu được giữ nguyên</source>
        <translation>Some data was kept as it is</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/commands.py" line="321"/>
        <source>đã có dữ liệu được nhập vào đó sau khi thêm (số liệu, nhiệm vụ…). Hãy xoá dữ liệu đó trước nếu thật sự muốn bỏ</source>
        <translation>data was entered into it after it was added (figures, tasks…). Delete that data first if you really want to remove it</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="32"/>
        <source>áp dụng sắp xếp tổ chức “{0}”</source>
        <translation>applying the reorganisation “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/key_commands.py" line="15"/>
        <source>tin cậy khóa của {0}</source>
        <translation>trust the key of {0}</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="47"/>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="79"/>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="48"/>
        <source>Tệp trên máy này (một người dùng)</source>
        <translation>A file on this computer (one user)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="49"/>
        <source>Máy chủ PostgreSQL của cơ quan (nhiều người dùng)</source>
        <translation>The office&apos;s PostgreSQL server (several users)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="56"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="66"/>
        <source>tên máy hoặc địa chỉ IP, ví dụ 192.168.1.10</source>
        <translation>host name or IP address, e.g. 192.168.1.10</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="75"/>
        <source>chỉ dùng để kiểm tra; không được lưu</source>
        <translation>used only to test; never saved</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="77"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="78"/>
        <source>Cổng</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="80"/>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="81"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="82"/>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="91"/>
        <source>Lựa chọn có hiệu lực từ lần mở KH65 sau. Mật khẩu máy chủ không được lưu: KH65 hỏi mỗi lần mở nếu máy chủ cần.</source>
        <translation>The choice takes effect the next time KH65 starts. The server password is never saved: KH65 asks for it at each start if the server needs one.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="140"/>
        <source>Chọn tệp cơ sở dữ liệu</source>
        <translation>Choose a database file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="148"/>
        <source>Hãy ghi tên máy chủ và tên cơ sở dữ liệu.</source>
        <translation>Enter the server name and the database name.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="159"/>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/database_dialog.py" line="171"/>
        <source>Không kiểm tra được kết nối: {0}</source>
        <translation>Could not test the connection: {0}</translation>
    </message>
</context>
<context>
    <name>DecisionTextDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="60"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="60"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="151"/>
        <source>Số hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="152"/>
        <source>Ngày ban hành</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="153"/>
        <source>Địa danh</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="154"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="155"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="156"/>
        <source>Năm kế hoạch</source>
        <translation>Plan year</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="157"/>
        <source>Quyền hạn ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="158"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s title</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="159"/>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="175"/>
        <source>Đổi năm kế hoạch thì thời gian của kế hoạch đổi theo; các kỳ báo cáo phải nằm trong năm mới.</source>
        <translation>Changing the plan year moves the plan&apos;s span with it; its reporting periods must lie within the new year.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="180"/>
        <source>Lưu thông tin kế hoạch</source>
        <translation>Save plan details</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="232"/>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="246"/>
        <source>sửa thông tin kế hoạch {0}</source>
        <translation>edit details of plan {0}</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="58"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="180"/>
        <source>thêm {0}</source>
        <translation>add {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="64"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="187"/>
        <source>sửa {0}</source>
        <translation>edit {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="74"/>
        <source>Mã “{0}” đã có; hãy chọn mã khác.</source>
        <translation>Code “{0}” is taken; choose another.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="96"/>
        <source>Chỉ tiêu {0}</source>
        <translation>Indicator {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="115"/>
        <source>Cơ quan cấp tỉnh</source>
        <translation>Provincial agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="116"/>
        <source>UBND huyện, thị xã, thành phố</source>
        <translation>District People&apos;s Committee</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="119"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="121"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="149"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="241"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="123"/>
        <source>Tên cơ quan</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="127"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="153"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="138"/>
        <source>cơ quan “{0}”</source>
        <translation>agency “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="147"/>
        <source>Địa phương</source>
        <translation>Locality</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="151"/>
        <source>Tên địa phương</source>
        <translation>Locality name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="163"/>
        <source>địa phương “{0}”</source>
        <translation>locality “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="174"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="225"/>
        <source>kỳ “{0}”</source>
        <translation>period “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="201"/>
        <source>Kỳ “{0}” đang có {1} số liệu, {2} mục lịch sử thay đổi và {3} số liệu văn bản nêu. Xóa kỳ sẽ xóa cả những số liệu này (có thể hoàn tác bằng Ctrl+Z). Xóa kỳ “{0}”?</source>
        <translation>Period “{0}” holds {1} figures, {2} history entries and {3} figures stated in the document. Deleting the period deletes them too (Ctrl+Z brings them back). Delete period “{0}”?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="207"/>
        <source>Kỳ “{0}” đang có {1} số liệu và {2} mục lịch sử thay đổi. Xóa kỳ sẽ xóa cả những số liệu này (có thể hoàn tác bằng Ctrl+Z). Xóa kỳ “{0}”?</source>
        <translation>Period “{0}” holds {1} figures and {2} history entries. Deleting the period deletes them too (Ctrl+Z brings them back). Delete period “{0}”?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="212"/>
        <source>Xóa kỳ báo cáo</source>
        <translation>Delete reporting period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="225"/>
        <source>xóa {0}</source>
        <translation>delete {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="236"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="239"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="322"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="244"/>
        <source>Tên chỉ tiêu</source>
        <translation>Indicator name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="249"/>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="252"/>
        <source>Loại chỉ tiêu</source>
        <translation>Indicator kind</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="259"/>
        <source>Chiều tốt</source>
        <translation>Better when</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="266"/>
        <source>Dạng chỉ tiêu</source>
        <translation>Target form</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="273"/>
        <source>Kế hoạch (số)</source>
        <translation>Target (number)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="279"/>
        <source>Không tính mốc (trên/dưới)</source>
        <translation>Bound excluded (above/below)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="285"/>
        <source>Tỷ lệ phải đạt (% kế hoạch)</source>
        <translation>Share required (% of plan)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="291"/>
        <source>Kế hoạch (lời văn)</source>
        <translation>Target (wording)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="296"/>
        <source>Mức xuất phát</source>
        <translation>Starting level</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="309"/>
        <source>chỉ tiêu “{0}”</source>
        <translation>indicator “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="315"/>
        <source>(Không thuộc nhóm)</source>
        <translation>(No group)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="319"/>
        <source>Thêm nhiệm vụ</source>
        <translation>Add task</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="321"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="366"/>
        <source>Nội dung</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="325"/>
        <source>Cơ quan chủ trì</source>
        <translation>Lead agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="330"/>
        <source>Cơ quan phối hợp</source>
        <translation>Coordinating agencies</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="331"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="367"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="353"/>
        <source>thêm nhiệm vụ {0}</source>
        <translation>add task {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="364"/>
        <source>Sửa nhiệm vụ</source>
        <translation>Edit task</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="368"/>
        <source>Thời hạn (lời văn)</source>
        <translation>Deadline (wording)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="369"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="370"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="376"/>
        <source>nhiệm vụ {0}</source>
        <translation>task {0}</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="52"/>
        <source>Đạt</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="52"/>
        <source>Không đạt</source>
        <translation>Not achieved</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="54"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="55"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="56"/>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="57"/>
        <source>Kế hoạch năm</source>
        <translation>Year target</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="60"/>
        <source>Số gần nhất</source>
        <translation>Latest figure</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="66"/>
        <source>Số kỳ này</source>
        <translation>This period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="71"/>
        <source>Ước</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="74"/>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="108"/>
        <source>Cùng kỳ</source>
        <translation>Year earlier</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="77"/>
        <source>Số liệu cùng kỳ năm trước</source>
        <translation>The figure for the same period last year</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="82"/>
        <source>Kết quả (lời văn)</source>
        <translation>Result (in words)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="88"/>
        <source>Đạt/Không đạt</source>
        <translation>Achieved?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="101"/>
        <source>Chỉ tiêu {0} “{1}”</source>
        <translation>Indicator {0} “{1}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="110"/>
        <source>Chỉ tiêu {0} “{1}”, số cùng kỳ</source>
        <translation>Indicator {0} “{1}”, same-period figure</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="121"/>
        <source>Hãy chọn Đạt hoặc Không đạt (hoặc để trống).</source>
        <translation>Choose Achieved or Not achieved (or leave it empty).</translation>
    </message>
</context>
<context>
    <name>FigurePrompts</name>
    <message>
        <location filename="../../kh65_desktop/ui/figure_prompts.py" line="40"/>
        <source>Số liệu bất thường</source>
        <translation>Unusual figure</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/figure_prompts.py" line="41"/>
        <source>{0}

Vẫn lưu số liệu này?</source>
        <translation>{0}

Save this figure anyway?</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="29"/>
        <source>Đối chiếu số liệu văn bản</source>
        <translation>Check the document&apos;s figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="34"/>
        <source>Mức độ</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="39"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="41"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="43"/>
        <source>Số liệu</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="44"/>
        <source>Địa phương</source>
        <translation>Locality</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="46"/>
        <source>Văn bản ghi</source>
        <translation>Document says</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="50"/>
        <source>Tính được</source>
        <translation>Computed</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="54"/>
        <source>Mục</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="66"/>
        <source>Không có chênh lệch: số liệu văn bản nêu khớp với số tính được sau khi làm tròn.</source>
        <translation>No disagreements: the document&apos;s figures match the computed ones after rounding.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="70"/>
        <source>{0} chỗ số liệu văn bản nêu khác với số tính được. Văn bản được giữ nguyên; di chuột lên tên chỉ tiêu để xem chi tiết.</source>
        <translation>{0} figures in the document differ from the computed ones. The document is kept as it is; hover over an indicator&apos;s name for details.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/form.py" line="69"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/form.py" line="69"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/form.py" line="96"/>
        <source>Có thời hạn</source>
        <translation>Has a deadline</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/form.py" line="137"/>
        <source>Hãy nhập “{0}”.</source>
        <translation>Please enter “{0}”.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/help.py" line="66"/>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="54"/>
        <source>Lịch sử số liệu</source>
        <translation>Figure history</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="57"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="58"/>
        <source>Địa phương</source>
        <translation>Locality</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="59"/>
        <source>Số cũ</source>
        <translation>Old</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="60"/>
        <source>Số mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="61"/>
        <source>Người sửa</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="63"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="73"/>
        <source>Chưa có thay đổi nào được ghi lại cho chỉ tiêu này.</source>
        <translation>No change has been recorded for this indicator yet.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="138"/>
        <source>Nhập số liệu từ tệp {0}</source>
        <translation>Import figures from {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="140"/>
        <source>Đang đọc và đối chiếu tệp…</source>
        <translation>Reading and comparing the file…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="163"/>
        <source>Hiện cả dòng không đổi</source>
        <translation>Show unchanged rows too</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="165"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="169"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="193"/>
        <source>Đang đọc tệp…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="201"/>
        <source>Gói thuộc kế hoạch “{0}” (Kế hoạch số {1}), kế hoạch này chưa có ở đây. Gói có kèm kế hoạch do cơ quan tổng hợp gửi. Nạp kế hoạch từ gói rồi xem trước số liệu?</source>
        <translation>The package belongs to plan “{0}” (Plan No. {1}), which this database does not hold. The package carries the plan, sent by the consolidating agency. Load the plan from the package, then preview the figures?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="204"/>
        <source>Nạp kế hoạch từ gói</source>
        <translation>Load the plan from the package</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="212"/>
        <source>nạp kế hoạch từ gói {0}</source>
        <translation>load the plan from package {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="218"/>
        <source>Không nạp được kế hoạch.</source>
        <translation>The plan could not be loaded.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="226"/>
        <source>Đang đối chiếu tệp…</source>
        <translation>Comparing the file…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="244"/>
        <source>Từ {0} (tạo lúc {1}): thêm mới {2}, thay đổi {3}, không đổi {4}, xung đột {5}, từ chối {6}.</source>
        <translation>From {0} (made on {1}): {2} added, {3} changed, {4} unchanged, {5} conflicts, {6} refused.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="262"/>
        <source>Xung đột: số ở đây được sửa sau khi đơn vị gửi lập tệp; mặc định giữ số ở đây, đánh dấu ô để lấy số trong tệp.</source>
        <translation>Conflict: the figure here was changed after the sender made the file; by default the figure here is kept, tick the box to take the file&apos;s figure.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="267"/>
        <source>Từ chối: dòng không thuộc trách nhiệm của đơn vị gửi hoặc có thời điểm sai; không ghi, lý do ở cột “Lý do”.</source>
        <translation>Refused: rows the sender is not responsible for, or with a wrong time; not written, the reason is in the “Reason” column.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="272"/>
        <source>Đã duyệt, khóa: {0} số liệu đã được duyệt nên không nhận; muốn nhận, hãy mở lại kỳ của đơn vị đó (tab Tình hình báo cáo → Mở lại…).</source>
        <translation>Approved, locked: {0} figures were approved and are not taken; to take them, reopen that unit’s period (Reporting status tab → Reopen…).</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="276"/>
        <source>Tệp này đã được nhập ngày {0}.</source>
        <translation>This file was already imported on {0}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="280"/>
        <source>Cần xem lại {0} số liệu bất thường: {1}</source>
        <translation>{0} unusual figures to check: {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="293"/>
        <source>Đã ký: {0} (đã xác thực)</source>
        <translation>Signed: {0} (verified)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="296"/>
        <source>Khóa chưa được tin cậy (mã khóa {0}): gói ký bằng khóa của “{1}” nhưng khóa này chưa có trong danh sách tin cậy (Cài đặt → Khóa ký gói số liệu…).</source>
        <translation>Key not trusted (key code {0}): the package is signed with a key of “{1}” that is not in the trusted list (Settings → Package signing keys…).</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="302"/>
        <source>Chưa ký, dù đơn vị gửi đã có khóa được tin cậy: hãy gọi điện hỏi đơn vị gửi.</source>
        <translation>Not signed, although the sender has a trusted key: call the sender to ask.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="306"/>
        <source>Chưa ký</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="307"/>
        <source>Chữ ký: {0}</source>
        <translation>Signature: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="325"/>
        <source>{0} số liệu trong tệp được giữ như ở đây vì ở đây đã sửa sau</source>
        <translation>{0} of the file&apos;s figures kept as they are here because they were changed here later</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="330"/>
        <source>{0} dòng bị từ chối</source>
        <translation>{0} rows refused</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="332"/>
        <source>Nhập tệp này không ghi gì: {0}.</source>
        <translation>Importing this file writes nothing: {0}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="334"/>
        <source>Khi nhập: {0}.</source>
        <translation>On import: {0}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="336"/>
        <source>Nhập tệp này không làm thay đổi gì.</source>
        <translation>Importing this file changes nothing.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="355"/>
        <source>Lý do ({0}): {1}</source>
        <translation>Reason ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="368"/>
        <source>Đang ghi số liệu vào cơ sở dữ liệu…</source>
        <translation>Writing the figures to the database…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="379"/>
        <source>Không nhập được: {0}. Dữ liệu không bị thay đổi.</source>
        <translation>Could not import: {0}. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="26"/>
        <source>Các lần nhập tệp</source>
        <translation>Imported files</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="31"/>
        <source>Lúc nhập</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="35"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="36"/>
        <source>Đơn vị gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="37"/>
        <source>Người nhập</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="38"/>
        <source>Thêm</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="39"/>
        <source>Đổi</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="42"/>
        <source>Xung đột lấy theo tệp</source>
        <translation>Conflicts taken from the file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="48"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="49"/>
        <source>Đã hoàn tác</source>
        <translation>Undone</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="49"/>
        <source>Đang áp dụng</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="57"/>
        <source>Hoàn tác lần nhập đã chọn</source>
        <translation>Undo the chosen import</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="60"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="81"/>
        <source>Hãy chọn một lần nhập.</source>
        <translation>Choose an import.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="88"/>
        <source>Hoàn tác lần nhập tệp {0}</source>
        <translation>Undo the import of {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="90"/>
        <source>Những mục sau đã được sửa sau lần nhập này nên sẽ được giữ nguyên, không hoàn tác:</source>
        <translation>These items were changed after this import, so they are kept as they are and not undone:</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="94"/>
        <source>Hoàn tác phần còn lại?</source>
        <translation>Undo the rest?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="96"/>
        <source>Chưa hoàn tác gì.</source>
        <translation>Nothing was undone.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="102"/>
        <source>Đã hoàn tác lần nhập tệp {0}.</source>
        <translation>The import of {0} was undone.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/imports_log.py" line="104"/>
        <source>Giữ nguyên {0} mục đã được sửa sau đó:</source>
        <translation>Kept {0} items changed since:</translation>
    </message>
</context>
<context>
    <name>IndicatorChartDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/indicator_chart.py" line="21"/>
        <source>Biểu đồ chỉ tiêu</source>
        <translation>Indicator chart</translation>
    </message>
</context>
<context>
    <name>IndicatorTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="43"/>
        <source>Tìm chỉ tiêu (gõ có dấu hoặc không dấu)…</source>
        <translation>Search indicators (with or without diacritics)…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="49"/>
        <source>Mọi đánh giá</source>
        <translation>All assessments</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="52"/>
        <source>Xem số liệu đến hết kỳ này; số nhập mới ghi vào kỳ này</source>
        <translation>Show figures up to this period; new figures are entered for it</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="53"/>
        <source>Biểu đồ…</source>
        <translation>Chart…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="56"/>
        <source>Lịch sử…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="58"/>
        <source>Thêm chỉ tiêu…</source>
        <translation>Add indicator…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="60"/>
        <source>Sửa chỉ tiêu…</source>
        <translation>Edit indicator…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="106"/>
        <source>Mọi cơ quan</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="109"/>
        <source>Kỳ mới nhất</source>
        <translation>Latest period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="155"/>
        <source>Hãy chọn một chỉ tiêu để xem biểu đồ.</source>
        <translation>Choose an indicator to see its chart.</translation>
    </message>
</context>
<context>
    <name>KeptText</name>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="19"/>
        <source>không rõ ai sửa</source>
        <translation>changed by someone unknown</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="22"/>
        <source>{0} sửa lúc {1}</source>
        <translation>changed by {0} at {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="32"/>
        <source>nay đã bị xoá</source>
        <translation>now removed</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="34"/>
        <source>nay là {0}</source>
        <translation>now {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="38"/>
        <source>nay là «{0}»</source>
        <translation>now “{0}”</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="41"/>
        <source>Nhiệm vụ {0} {1}: đã được cập nhật sau đó ({2})</source>
        <translation>Task {0} {1}: updated since ({2})</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="45"/>
        <source>Mục tiêu của chỉ tiêu {0} {1}: đã được sửa sau đó</source>
        <translation>Target of indicator {0} {1}: changed since</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="49"/>
        <source>Chỉ tiêu {0} {1} (lần nhập đã thêm): đã có số liệu nhập sau đó</source>
        <translation>Indicator {0} {1} (added by the import): figures were entered in it since</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="54"/>
        <source>Phần «{0}» của báo cáo {1}: đã được sửa sau đó ({2})</source>
        <translation>Section «{0}» of the report for {1}: edited since ({2})</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="57"/>
        <source>Kỳ «{0}» (lần nhập đã thêm): đã có số liệu nhập sau đó</source>
        <translation>Period “{0}” (added by the import): figures were entered in it since</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/kept_text.py" line="67"/>
        <source>… và {0} mục khác</source>
        <translation>… and {0} more</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="58"/>
        <source>Khóa ký gói số liệu</source>
        <translation>Package signing keys</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="66"/>
        <source>Ghi tệp khóa để gửi…</source>
        <translation>Save key file to send…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="68"/>
        <source>Tạo khóa mới…</source>
        <translation>New key…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="78"/>
        <source>Đơn vị</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="79"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="80"/>
        <source>Mã khóa</source>
        <translation>Key code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="81"/>
        <source>Tin cậy từ</source>
        <translation>Trusted since</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="82"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="90"/>
        <source>Tin cậy tệp khóa…</source>
        <translation>Trust a key file…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="93"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="100"/>
        <source>Khóa của đơn vị này</source>
        <translation>This office&apos;s key</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="103"/>
        <source>Các đơn vị được tin cậy</source>
        <translation>Trusted offices</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="111"/>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="112"/>
        <source>Đã thay lúc {0}</source>
        <translation>Replaced at {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="118"/>
        <source>Chưa chọn cơ quan của người nhập: chọn ở Cài đặt → Người nhập và cơ quan…</source>
        <translation>No agency chosen for the clerk: choose one in Settings → Clerk and agency…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="124"/>
        <source>{0}: chưa có khóa ký; khóa được tạo khi xuất gói lần đầu.</source>
        <translation>{0}: no signing key yet; it is made at the first package export.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="130"/>
        <source>{0}: mã khóa {1}</source>
        <translation>{0}: key code {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="132"/>
        <source>(có mật khẩu)</source>
        <translation>(passphrase protected)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="133"/>
        <source>Đọc mã này khi nơi nhận gọi điện để so.</source>
        <translation>Read this code out when a receiving office calls to compare.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="143"/>
        <source>Ghi tệp khóa</source>
        <translation>Save key file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="145"/>
        <source>Tệp khóa KH65 (*.kh65key)</source>
        <translation>KH65 key file (*.kh65key)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="157"/>
        <source>Đã ghi tệp khóa {0}; mã khóa {1}.</source>
        <translation>Key file {0} saved; key code {1}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="166"/>
        <source>Tạo khóa mới</source>
        <translation>New key</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="168"/>
        <source>Tạo khóa ký mới cho {0}? Khóa cũ ký xác nhận khóa mới; hãy gửi tệp khóa mới cho các nơi nhận gói. Gói ký bằng khóa cũ sẽ không được nhận nữa ở nơi đã tin cậy khóa mới.</source>
        <translation>Make a new signing key for {0}? The old key signs the new one; send the new key file to the offices that receive your packages. Packages signed with the old key will no longer be accepted where the new key is trusted.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="179"/>
        <source>Mật khẩu khóa mới</source>
        <translation>New key passphrase</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="180"/>
        <source>Mật khẩu cho khóa mới (để trống nếu không đặt):</source>
        <translation>Passphrase for the new key (leave empty for none):</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="194"/>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="222"/>
        <source>Tin cậy tệp khóa</source>
        <translation>Trust a key file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="194"/>
        <source>Tệp khóa KH65 ({0})</source>
        <translation>KH65 key file ({0})</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="210"/>
        <source>Khóa mới của {0} (mã khóa {1}) được khóa đang tin cậy của đơn vị ký xác nhận. Tin cậy khóa mới và đánh dấu khóa cũ là đã thay?</source>
        <translation>The new key of {0} (key code {1}) is signed by the office&apos;s trusted key. Trust the new key and mark the old one replaced?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="215"/>
        <source>Tệp khóa của {0} (mã {1}).

Mã khóa: {2}

Hãy gọi điện cho đơn vị và so mã khóa này với mã đơn vị đọc. Chỉ tin cậy khi khớp. Tin cậy khóa này?</source>
        <translation>Key file of {0} (code {1}).

Key code: {2}

Call the office and compare this key code with the one they read out. Trust it only if they match. Trust this key?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="219"/>
        <source>Khóa này thay khóa đang tin cậy (mã khóa {0}).</source>
        <translation>This key replaces the trusted key (key code {0}).</translation>
    </message>
</context>
<context>
    <name>LocalityLoadDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="29"/>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="37"/>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="54"/>
        <source>Nạp danh sách địa bàn</source>
        <translation>Load a locality list</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="30"/>
        <source>Danh sách địa bàn (*.csv *.xlsx)</source>
        <translation>Locality list (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="57"/>
        <source>Thêm mới</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="58"/>
        <source>Sửa</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="59"/>
        <source>Giữ nguyên</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="62"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="63"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="64"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="65"/>
        <source>Việc sẽ làm</source>
        <translation>What loading does</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="66"/>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="67"/>
        <source>Tiền thân mới</source>
        <translation>New predecessors</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="77"/>
        <source>Tệp {0}: {1} địa bàn; thêm mới {2}, sửa {3}, giữ nguyên {4}; {5} quan hệ tiền thân mới. Chưa ghi gì: bấm “Nạp” để ghi (có thể hoàn tác bằng Ctrl+Z).</source>
        <translation>File {0}: {1} localities; {2} to add, {3} to change, {4} unchanged; {5} new predecessor links. Nothing written yet: click “Load” to write (Ctrl+Z undoes it).</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="91"/>
        <source>Nạp</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="95"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="116"/>
        <source>nạp danh sách địa bàn {0}</source>
        <translation>load locality list {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/locality_load.py" line="127"/>
        <source>Đã nạp danh sách địa bàn: {0}</source>
        <translation>Locality list loaded: {0}</translation>
    </message>
</context>
<context>
    <name>LocalityTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="44"/>
        <source>Thêm địa phương…</source>
        <translation>Add locality…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="46"/>
        <source>Sửa địa phương…</source>
        <translation>Edit locality…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="57"/>
        <source>Tìm địa phương (có dấu hoặc không dấu)…</source>
        <translation>Find a locality (with or without diacritics)…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="73"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="75"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="168"/>
        <source>Đang hiện {0}/{1} địa phương; các tổng bên dưới tính trên cả {1}.</source>
        <translation>Showing {0}/{1} localities; the totals below count all {1}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="175"/>
        <source>{0}: tổng các địa phương {1}; toàn tỉnh {2}</source>
        <translation>{0}: localities total {1}; province {2}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="181"/>
        <source>khớp</source>
        <translation>matches</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="183"/>
        <source>KHÔNG KHỚP, chênh {0}</source>
        <translation>DOES NOT MATCH, off by {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="189"/>
        <source>Kế hoạch</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="190"/>
        <source>Thực hiện</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="196"/>
        <source>chưa có số để đối chiếu</source>
        <translation>no figures to compare yet</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="198"/>
        <source>chưa đối chiếu được: chưa có số của địa phương nào</source>
        <translation>not compared: no district figure yet</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="199"/>
        <source>chưa đối chiếu được: chưa có số toàn tỉnh</source>
        <translation>not compared: no province figure yet</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="75"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="76"/>
        <location filename="../../kh65_desktop/ui/main_window.py" line="345"/>
        <source>Cơ quan</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="77"/>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="78"/>
        <source>Nhiệm vụ</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="79"/>
        <source>Địa bàn</source>
        <translation>Localities</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="80"/>
        <source>Tình hình báo cáo</source>
        <translation>Reporting status</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="105"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="106"/>
        <source>Nhập số liệu từ tệp…</source>
        <translation>Import figures from a file…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="109"/>
        <source>Xuất số liệu…</source>
        <translation>Export figures…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="110"/>
        <source>Các lần nhập tệp…</source>
        <translation>Imported files…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="114"/>
        <source>Báo cáo…</source>
        <translation>Report…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="117"/>
        <source>Đối chiếu số liệu văn bản…</source>
        <translation>Check the document&apos;s figures…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="119"/>
        <source>Kiểm tra chữ ký…</source>
        <translation>Check signature…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="123"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="127"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="128"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="130"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="134"/>
        <source>Lưu lại số chưa lưu</source>
        <translation>Save unsaved figures again</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="137"/>
        <source>Tìm…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="141"/>
        <source>&amp;Kế hoạch</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="146"/>
        <source>Tạo kế hoạch mới từ kế hoạch này…</source>
        <translation>New plan from this plan…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="148"/>
        <source>Nạp kế hoạch từ tệp…</source>
        <translation>Load a plan from a file…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="150"/>
        <source>Đọc kế hoạch từ văn bản…</source>
        <translation>Read a plan from its document…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="158"/>
        <source>Nhập số liệu kỳ mới…</source>
        <translation>Enter a new period&apos;s figures…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="165"/>
        <source>Thêm kỳ báo cáo…</source>
        <translation>Add reporting period…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="166"/>
        <source>Thêm chỉ tiêu…</source>
        <translation>Add indicator…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="167"/>
        <source>Thêm cơ quan…</source>
        <translation>Add agency…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="168"/>
        <source>Thêm địa phương…</source>
        <translation>Add locality…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="169"/>
        <source>Nạp danh sách địa bàn…</source>
        <translation>Load a locality list…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="170"/>
        <source>Thêm nhiệm vụ…</source>
        <translation>Add task…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="174"/>
        <source>Sửa kế hoạch…</source>
        <translation>Edit plan…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="176"/>
        <source>Áp dụng sắp xếp tổ chức…</source>
        <translation>Apply a reorganisation…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="179"/>
        <source>&amp;Cài đặt</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="180"/>
        <source>Người nhập và cơ quan…</source>
        <translation>Person and agency…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="183"/>
        <source>Cơ sở dữ liệu…</source>
        <translation>Database…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="185"/>
        <source>Khóa ký gói số liệu…</source>
        <translation>Package signing keys…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="186"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="193"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="194"/>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="197"/>
        <source>Giới thiệu {0}</source>
        <translation>About {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="204"/>
        <source>{0} — Kế hoạch số {1}, năm {2}</source>
        <translation>{0} — Plan No. {1}, year {2}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="207"/>
        <source>CSDL {0}</source>
        <translation>database {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="215"/>
        <source>Đã lưu lựa chọn cơ sở dữ liệu. KH65 dùng nó từ lần mở sau.</source>
        <translation>Database choice saved. KH65 uses it from the next start.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="227"/>
        <source>{0}, năm {1} — {2}</source>
        <translation>{0}, year {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="257"/>
        <source>tạo kế hoạch {0}</source>
        <translation>create plan {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="263"/>
        <source>Nạp kế hoạch từ tệp</source>
        <translation>Load a plan from a file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="263"/>
        <source>Tệp kế hoạch KH65 (*.toml)</source>
        <translation>KH65 plan files (*.toml)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="271"/>
        <source>nạp kế hoạch từ {0}</source>
        <translation>load plan from {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="280"/>
        <source>Người nhập: {0}</source>
        <translation>Entered by: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="291"/>
        <source>Ngôn ngữ mới được áp dụng khi mở lại ứng dụng.</source>
        <translation>The new language applies when the app is opened again.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="326"/>
        <source>Nhập số liệu từ tệp</source>
        <translation>Import figures from a file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="326"/>
        <source>Gói KH65 hoặc mẫu Excel (*.kh65 *.xlsx)</source>
        <translation>KH65 package or Excel template (*.kh65 *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="339"/>
        <source>Mọi kỳ (gói .kh65)</source>
        <translation>All periods (.kh65 package)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="343"/>
        <location filename="../../kh65_desktop/ui/main_window.py" line="359"/>
        <source>Xuất số liệu</source>
        <translation>Export figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="346"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="348"/>
        <source>Kèm định nghĩa và chỉ tiêu của kế hoạch</source>
        <translation>Include the plan&apos;s definitions and targets</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="361"/>
        <source>Số liệu</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="366"/>
        <source>Gói KH65 (*.kh65);;Mẫu Excel để điền số (*.xlsx);;CSV (*.csv)</source>
        <translation>KH65 package (*.kh65);;Excel fill-in template (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="383"/>
        <source>Đang xuất số liệu…</source>
        <translation>Exporting figures…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="387"/>
        <source>Đã xuất: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="452"/>
        <source>Không đối chiếu được: {0}</source>
        <translation>The check failed: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="456"/>
        <source>Đang đối chiếu số liệu…</source>
        <translation>Checking the figures…</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="29"/>
        <source>Tạo kế hoạch mới từ kế hoạch này</source>
        <translation>New plan from this plan</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="31"/>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="32"/>
        <source>Ngày ban hành</source>
        <translation>Date issued</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="33"/>
        <source>Năm của kế hoạch</source>
        <translation>Year of the plan</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="34"/>
        <source>Mã kế hoạch (bỏ trống: số/năm)</source>
        <translation>Plan code (empty: number/year)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="37"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="43"/>
        <source>Địa danh (dòng ngày tháng)</source>
        <translation>Place (in the date line)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="48"/>
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="50"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s title</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="51"/>
        <source>Họ và tên người ký</source>
        <translation>Signer&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/new_plan.py" line="58"/>
        <source>Từ kế hoạch số {0} (năm {1}). Kế hoạch mới giữ các nhóm, chỉ tiêu, đơn vị tính, phân công và nhiệm vụ; chỉ tiêu kế hoạch năm để trống để nhập theo văn bản mới; số liệu cuối cùng của kế hoạch này thành số liệu nền và số liệu cùng kỳ; kỳ báo cáo của năm mới theo Nghị định 09/2019/NĐ-CP (tháng, quý, 6 tháng, 9 tháng, năm).</source>
        <translation>From plan No. {0} (year {1}). The new plan keeps the groups, indicators, units, assignments and tasks; the yearly targets are left empty, to be typed from the new document; this plan&apos;s last figures become the baselines and same-period figures; the new year&apos;s reporting periods follow Decree 09/2019/NĐ-CP (months, quarters, 6 months, 9 months, year).</translation>
    </message>
</context>
<context>
    <name>OutlinePage</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="47"/>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="243"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="48"/>
        <source>Tên nhóm, chỉ tiêu</source>
        <translation>Group, indicator</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="49"/>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="251"/>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="50"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="51"/>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="268"/>
        <source>Dạng kế hoạch</source>
        <translation>Target form</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="52"/>
        <source>Số liệu</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="73"/>
        <source>Thêm nhóm…</source>
        <translation>Add group…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="74"/>
        <source>Thêm chỉ tiêu…</source>
        <translation>Add indicator…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="75"/>
        <source>Thêm chỉ tiêu con…</source>
        <translation>Add sub-indicator…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="76"/>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="77"/>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="78"/>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="79"/>
        <source>Xóa…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="192"/>
        <source>Mã nhóm</source>
        <translation>Group code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="193"/>
        <source>Phần</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="196"/>
        <source>Tiêu đề nhóm</source>
        <translation>Group heading</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="203"/>
        <source>Cơ quan chủ trì</source>
        <translation>Lead agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="210"/>
        <source>Cơ quan phối hợp</source>
        <translation>Coordinating agencies</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="246"/>
        <source>Tên chỉ tiêu</source>
        <translation>Indicator name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="254"/>
        <source>Loại chỉ tiêu</source>
        <translation>Indicator kind</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="261"/>
        <source>Chiều tốt</source>
        <translation>Better when</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="281"/>
        <source>Thêm nhóm chỉ tiêu</source>
        <translation>Add indicator group</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="289"/>
        <source>thêm nhóm {0}</source>
        <translation>add group {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="303"/>
        <source>Thêm chỉ tiêu con của {0}</source>
        <translation>Add a sub-indicator of {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="306"/>
        <source>Thêm chỉ tiêu vào nhóm {0}</source>
        <translation>Add an indicator to group {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="316"/>
        <source>thêm chỉ tiêu {0}</source>
        <translation>add indicator {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="326"/>
        <source>Sửa nhóm chỉ tiêu</source>
        <translation>Edit indicator group</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="334"/>
        <source>sửa nhóm {0}</source>
        <translation>edit group {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="337"/>
        <source>Sửa chỉ tiêu</source>
        <translation>Edit indicator</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="341"/>
        <source>sửa chỉ tiêu {0}</source>
        <translation>edit indicator {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="355"/>
        <source>chuyển {0} lên</source>
        <translation>move {0} up</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="355"/>
        <source>chuyển {0} xuống</source>
        <translation>move {0} down</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="371"/>
        <source>xóa nhóm {0}</source>
        <translation>delete group {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="377"/>
        <source>Xóa chỉ tiêu</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="383"/>
        <source>xóa chỉ tiêu {0}</source>
        <translation>delete indicator {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="404"/>
        <source>{0} chỉ tiêu con</source>
        <translation>{0} sub-indicators</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="405"/>
        <source>{0} số liệu</source>
        <translation>{0} figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="406"/>
        <source>{0} mục lịch sử thay đổi</source>
        <translation>{0} history entries</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="407"/>
        <source>{0} kế hoạch địa bàn</source>
        <translation>{0} locality targets</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="408"/>
        <source>{0} số liệu văn bản nêu</source>
        <translation>{0} figures stated by the document</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="409"/>
        <source>{0} số liệu cùng kỳ</source>
        <translation>{0} same-period figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_outline.py" line="414"/>
        <source>Chỉ tiêu {0} “{1}” đang có {2}. Xóa chỉ tiêu sẽ xóa cả những dữ liệu này (có thể hoàn tác bằng Ctrl+Z). Xóa chỉ tiêu {0}?</source>
        <translation>Indicator {0} “{1}” has {2}. Deleting the indicator deletes them too (Ctrl+Z undoes it). Delete indicator {0}?</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="43"/>
        <source>Đánh giá chỉ tiêu</source>
        <translation>Indicator assessment</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="84"/>
        <source>Chỉ tiêu chậm nhất so với tiến độ</source>
        <translation>Indicators furthest behind schedule</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="86"/>
        <source>Nhiệm vụ quá hạn và sắp đến hạn</source>
        <translation>Overdue tasks and tasks due soon</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="91"/>
        <source>Tiến độ từng chỉ tiêu theo cơ quan chủ trì (bấm để mở)</source>
        <translation>Each indicator&apos;s progress by lead agency (click to open)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="113"/>
        <source>Kế hoạch số {0} ngày {1}: {2}</source>
        <translation>Plan No. {0} of {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="125"/>
        <source>Nhiệm vụ quá hạn và sắp đến hạn ({0})</source>
        <translation>Overdue tasks and tasks due soon ({0})</translation>
    </message>
</context>
<context>
    <name>PeriodCommands</name>
    <message>
        <location filename="../../kh65_desktop/ui/period_commands.py" line="46"/>
        <source>Kỳ “{0}” đã có số liệu nhập sau khi thêm, nên không bị xóa khi hoàn tác.</source>
        <translation>Period “{0}” has figures entered after it was added, so undo did not delete it.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="41"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="42"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="43"/>
        <source>6 tháng</source>
        <translation>6 months</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="44"/>
        <source>9 tháng</source>
        <translation>9 months</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="45"/>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="51"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="48"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="50"/>
        <source>Loại kỳ</source>
        <translation>Period kind</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="52"/>
        <source>Tháng, quý, nửa năm</source>
        <translation>Month, quarter, half-year</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="53"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="54"/>
        <source>Tên kỳ</source>
        <translation>Period name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="55"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="56"/>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="57"/>
        <source>Ngày chốt số liệu</source>
        <translation>Data cut-off date</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="69"/>
        <source>Mã kỳ là khóa trao đổi số liệu với đơn vị khác, không sửa.</source>
        <translation>The period code is how other offices know this period; it cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="84"/>
        <source>(cả kỳ)</source>
        <translation>(whole period)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_dialog.py" line="123"/>
        <source>Theo Nghị định 09/2019/NĐ-CP: số liệu tính từ {0} đến {1}.</source>
        <translation>Under Decree 09/2019/NĐ-CP: figures count from {0} to {1}.</translation>
    </message>
</context>
<context>
    <name>PeriodEntryDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="168"/>
        <source>Nhập số liệu kỳ báo cáo</source>
        <translation>Enter a period&apos;s figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="184"/>
        <source>Thêm kỳ…</source>
        <translation>Add period…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="185"/>
        <source>Sửa kỳ…</source>
        <translation>Edit period…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="186"/>
        <source>Xóa kỳ…</source>
        <translation>Delete period…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="216"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="221"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="222"/>
        <source>Enter: sang dòng dưới. Ctrl+Enter hoặc nút Lưu: lưu cả biểu.</source>
        <translation>Enter: next row. Ctrl+Enter or Save: save the whole form.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="224"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="224"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="369"/>
        <source>Bỏ các số đã nhập?</source>
        <translation>Discard the figures entered?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="371"/>
        <source>Có {0} chỉ tiêu đã nhập trong biểu này mà chưa lưu. Bỏ các số đã nhập?</source>
        <translation>{0} indicators have figures entered in this form that are not saved. Discard the figures entered?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="416"/>
        <source>Hãy chọn hoặc thêm kỳ báo cáo.</source>
        <translation>Choose or add a reporting period.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="422"/>
        <source>nhập {0} số liệu {1} của {2}</source>
        <translation>enter {0} figures for {1} of {2}</translation>
    </message>
</context>
<context>
    <name>PeriodsPage</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="319"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="320"/>
        <source>Tên kỳ</source>
        <translation>Period name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="321"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="322"/>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="323"/>
        <source>Ngày chốt số liệu</source>
        <translation>Data cut-off date</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="333"/>
        <source>Thêm kỳ…</source>
        <translation>Add period…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="334"/>
        <source>Sửa kỳ…</source>
        <translation>Edit period…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="335"/>
        <source>Xóa kỳ…</source>
        <translation>Delete period…</translation>
    </message>
</context>
<context>
    <name>PlanCommands</name>
    <message>
        <location filename="../../kh65_desktop/ui/plan_commands.py" line="73"/>
        <source>Không còn chỗ để chuyển</source>
        <translation>There is no room to move it</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_commands.py" line="102"/>
        <source>đã có dữ liệu được nhập vào đó sau khi thêm (số liệu, chỉ tiêu con, nhiệm vụ…). Hãy xóa dữ liệu đó trước nếu thật sự muốn bỏ</source>
        <translation>data has been entered into it since it was added (figures, sub-indicators, tasks…). Delete that data first if you really want to remove it</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/new_plan_commands.py" line="42"/>
        <source>kế hoạch {0} đã có dữ liệu nhập sau khi tạo (số liệu, kế hoạch năm, nhiệm vụ…), nên không bị xóa</source>
        <translation>plan {0} has data entered since it was created (figures, targets, tasks…), so it is not deleted</translation>
    </message>
</context>
<context>
    <name>PlanEditorDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="58"/>
        <source>Thông tin kế hoạch</source>
        <translation>Plan details</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="59"/>
        <source>Nhóm và chỉ tiêu</source>
        <translation>Groups and indicators</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="60"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting periods</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="61"/>
        <source>Cơ quan, địa phương</source>
        <translation>Agencies, localities</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="74"/>
        <source>Hoàn tác (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="77"/>
        <source>Làm lại (Ctrl+Y)</source>
        <translation>Redo (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="80"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="82"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="91"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_editor.py" line="112"/>
        <source>Sửa kế hoạch {0}</source>
        <translation>Edit plan {0}</translation>
    </message>
</context>
<context>
    <name>PlanReader</name>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="29"/>
        <source>Chưa xem</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="30"/>
        <source>Chấp nhận</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="31"/>
        <source>Bỏ</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="54"/>
        <source>Chắc chắn</source>
        <translation>Sure</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="55"/>
        <source>cần xem lại</source>
        <translation>needs a look</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="56"/>
        <source>Chưa chắc: {0}</source>
        <translation>Unsure: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="99"/>
        <source>Không đọc được văn bản này do lỗi của chương trình (đã ghi vào nhật ký). Hãy gửi văn bản cho bộ phận hỗ trợ, hoặc nạp kế hoạch từ tệp kế hoạch.</source>
        <translation>This document could not be read because of a program error (written to the log). Please send the document to support, or load the plan from a plan file.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="199"/>
        <source>Đọc kế hoạch từ văn bản</source>
        <translation>Read a plan from its document</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="200"/>
        <source>Văn bản kế hoạch (*.docx *.pdf *.txt);;Mọi tệp (*)</source>
        <translation>Plan documents (*.docx *.pdf *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="225"/>
        <source>chấp nhận {0} mục</source>
        <translation>accept {0} items</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="227"/>
        <source>bỏ {0} mục</source>
        <translation>reject {0} items</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="251"/>
        <source>sửa {0}</source>
        <translation>edit {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="719"/>
        <source>Còn mục chưa xem</source>
        <translation>Items not reviewed</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="721"/>
        <source>Còn {0} mục chưa xem. Giữ cả các mục chưa xem, hay chỉ các mục đã chấp nhận?</source>
        <translation>{0} items are not reviewed yet. Keep the unreviewed items too, or only the accepted ones?</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="727"/>
        <source>Giữ cả mục chưa xem</source>
        <translation>Keep unreviewed items too</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="731"/>
        <source>Chỉ mục đã chấp nhận</source>
        <translation>Only accepted items</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="735"/>
        <source>Quay lại xem tiếp</source>
        <translation>Go back to the review</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="49"/>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="148"/>
        <source>Cơ quan chủ trì</source>
        <translation>Lead agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="51"/>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="154"/>
        <source>Cơ quan phối hợp</source>
        <translation>Coordinating agencies</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="56"/>
        <source>Số hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="57"/>
        <source>Mã kế hoạch</source>
        <translation>Plan code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="58"/>
        <source>Loại văn bản</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="60"/>
        <source>Ngày ban hành</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="62"/>
        <source>Địa danh</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="64"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="66"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="67"/>
        <source>Năm kế hoạch</source>
        <translation>Plan year</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="69"/>
        <source>Quyền hạn ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="72"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s title</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="75"/>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="79"/>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="98"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="80"/>
        <source>Tên cơ quan</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="83"/>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="86"/>
        <source>Cấp tỉnh</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="87"/>
        <source>Cấp huyện</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="92"/>
        <source>Mã nhóm</source>
        <translation>Group code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="93"/>
        <source>Phần</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="94"/>
        <source>Tiêu đề nhóm</source>
        <translation>Group heading</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="99"/>
        <source>Tên chỉ tiêu</source>
        <translation>Indicator name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="100"/>
        <source>Đơn vị tính</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="103"/>
        <source>Loại chỉ tiêu</source>
        <translation>Indicator kind</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="109"/>
        <source>Chiều tốt</source>
        <translation>Better when</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="116"/>
        <source>Dạng kế hoạch</source>
        <translation>Target form</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="122"/>
        <source>Chỉ tiêu năm</source>
        <translation>Yearly target</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="127"/>
        <source>Không tính mức bằng (trên, dưới)</source>
        <translation>Strict (above, below)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="132"/>
        <source>Đạt khi bằng (% chỉ tiêu)</source>
        <translation>Met at (% of target)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="136"/>
        <source>Nguyên văn chỉ tiêu</source>
        <translation>Target as written</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="140"/>
        <source>Số liệu nền</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="144"/>
        <source>Số liệu nền của</source>
        <translation>Baseline of</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="160"/>
        <source>Nội dung nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="161"/>
        <source>Thời hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="164"/>
        <source>Thời hạn (nguyên văn)</source>
        <translation>Deadline as written</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="221"/>
        <source>“{0}” không phải là một năm. Hãy gõ năm, ví dụ 2025.</source>
        <translation>“{0}” is not a year. Type a year, e.g. 2025.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="331"/>
        <source>mã cơ quan, cách nhau bằng dấu ;</source>
        <translation>agency codes, separated by ;</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="335"/>
        <source>ngày/tháng/năm, ví dụ 15/7/2024</source>
        <translation>day/month/year, e.g. 15/7/2024</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_fields.py" line="344"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>PlanReaderDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="292"/>
        <source>Xem lại kế hoạch đọc từ {0}</source>
        <translation>Review the plan read from {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="330"/>
        <source>Mục chưa chắc lên trước</source>
        <translation>Unsure items first</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="338"/>
        <source>Chấp nhận (Ctrl+Enter)</source>
        <translation>Accept (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="339"/>
        <source>Bỏ (Delete)</source>
        <translation>Reject (Delete)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="342"/>
        <source>Chấp nhận tất cả mục chắc chắn (Ctrl+Shift+Enter)</source>
        <translation>Accept all sure items (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="345"/>
        <source>Hoàn tác (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="346"/>
        <source>Làm lại (Ctrl+Y)</source>
        <translation>Redo (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="347"/>
        <source>Lưu thành tệp kế hoạch…</source>
        <translation>Save as a plan file…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="348"/>
        <source>Nạp kế hoạch</source>
        <translation>Load the plan</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="349"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="373"/>
        <source>Lưu các mục giữ lại thành tệp kế hoạch (Ctrl+S)</source>
        <translation>Save the kept items as a plan file (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="374"/>
        <source>Nạp các mục giữ lại vào cơ sở dữ liệu (Ctrl+L)</source>
        <translation>Load the kept items into the database (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="386"/>
        <source>Văn bản: {0}</source>
        <translation>Document: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="504"/>
        <source>Mục này không có câu trích trong văn bản.</source>
        <translation>This item has no quoted sentence in the document.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="583"/>
        <source>{0} mục: {1} chấp nhận, {2} bỏ, {3} chưa xem</source>
        <translation>{0} items: {1} accepted, {2} rejected, {3} not reviewed</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="600"/>
        <source>{0} (cơ quan mới)</source>
        <translation>{0} (new agency)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="622"/>
        <source>Chưa có mục nào được giữ</source>
        <translation>No item kept yet</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="623"/>
        <source>Hãy chấp nhận các mục đúng (Ctrl+Enter) trước khi nạp hoặc lưu.</source>
        <translation>Accept the right items (Ctrl+Enter) before loading or saving.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="640"/>
        <source>nạp kế hoạch đọc từ {0}</source>
        <translation>load the plan read from {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="646"/>
        <source>Đang nạp kế hoạch…</source>
        <translation>Loading the plan…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="662"/>
        <source>Không nạp được kế hoạch</source>
        <translation>The plan could not be loaded</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="664"/>
        <source>{0}

Sửa mục được nêu trong danh sách bên phải (mã kế hoạch ở mục “Thông tin văn bản”), rồi bấm “Nạp kế hoạch” lại.</source>
        <translation>{0}

Correct the item named in the list on the right (the plan code is under “Document details”), then click “Load the plan” again.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="676"/>
        <source>Lưu thành tệp kế hoạch</source>
        <translation>Save as a plan file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="678"/>
        <source>Tệp kế hoạch KH65 (*.toml)</source>
        <translation>KH65 plan files (*.toml)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="689"/>
        <source>Không lưu được tệp kế hoạch</source>
        <translation>The plan file could not be saved</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="690"/>
        <source>Không lưu được {0}: {1}.</source>
        <translation>{0} could not be saved: {1}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="693"/>
        <source>Đã lưu tệp kế hoạch {0}</source>
        <translation>Plan file {0} saved</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="703"/>
        <source>Đóng cửa sổ xem lại</source>
        <translation>Close the review</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="705"/>
        <source>Các mục đã xem và đã sửa chưa được nạp hay lưu thành tệp, sẽ mất khi đóng. Vẫn đóng?</source>
        <translation>The items reviewed and edited are neither loaded nor saved as a file, and are lost on closing. Close anyway?</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="54"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="58"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="60"/>
        <source>Chỉ tiêu / nhiệm vụ</source>
        <translation>Indicator / task</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="62"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="63"/>
        <source>Địa phương</source>
        <translation>Locality</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="64"/>
        <source>Ở đây</source>
        <translation>Here</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="65"/>
        <source>Trong tệp</source>
        <translation>In the file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="66"/>
        <source>Sửa ở đây lúc</source>
        <translation>Changed here at</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="67"/>
        <source>Sửa trong tệp lúc</source>
        <translation>Changed in the file at</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="68"/>
        <source>Lấy số trong tệp</source>
        <translation>Take the file&apos;s figure</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="69"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReadingProgress</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="120"/>
        <source>Đang đọc {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="120"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="123"/>
        <source>Đọc kế hoạch từ văn bản</source>
        <translation>Read a plan from its document</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="174"/>
        <source>Không đọc được văn bản</source>
        <translation>The document could not be read</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="181"/>
        <source>Không đọc được kế hoạch</source>
        <translation>No plan could be read</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/plan_reader.py" line="183"/>
        <source>Không tìm thấy chỉ tiêu nào: văn bản này có thể không phải là kế hoạch. Hãy chọn văn bản kế hoạch (có các chỉ tiêu và nhiệm vụ được giao).</source>
        <translation>No indicator found: this document may not be a plan. Choose a plan document (with its indicators and assigned tasks).</translation>
    </message>
</context>
<context>
    <name>Reorg</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="112"/>
        <source>Chọn tệp sắp xếp tổ chức</source>
        <translation>Choose a reorganisation file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="113"/>
        <source>Tệp sắp xếp tổ chức (*.toml)</source>
        <translation>Reorganisation files (*.toml)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="122"/>
        <source>Không áp dụng được sắp xếp tổ chức</source>
        <translation>The reorganisation could not be applied</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="135"/>
        <source>Đã áp dụng sắp xếp tổ chức “{0}”; Ctrl+Z để hoàn tác.</source>
        <translation>Reorganisation “{0}” applied; Ctrl+Z undoes it.</translation>
    </message>
</context>
<context>
    <name>ReorgPreviewDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="53"/>
        <source>Áp dụng sắp xếp tổ chức</source>
        <translation>Apply a reorganisation</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="55"/>
        <source>Tệp {0}: {1}. Chưa ghi gì; xem lại rồi bấm “Áp dụng”.</source>
        <translation>File {0}: {1}. Nothing is written yet; review it, then click “Apply”.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="63"/>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="63"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="63"/>
        <source>Cơ quan cũ</source>
        <translation>Former agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="63"/>
        <source>Cơ quan mới</source>
        <translation>New agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="67"/>
        <source>Thay đổi tổ chức</source>
        <translation>Changes to the organisations</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="80"/>
        <source>{0}: lập sau thay đổi, phân công chuyển sang cơ quan mới</source>
        <translation>{0}: made after the change, its assignments pass to the new agencies</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="83"/>
        <source>{0}: giữ nguyên phân công và tên cơ quan khi in; kế hoạch lập sau từ kế hoạch này sẽ giao</source>
        <translation>{0}: keeps its assignments and prints the agencies&apos; names of its time; a plan made from it later assigns</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="99"/>
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/reorg_preview.py" line="99"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="72"/>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="315"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="76"/>
        <source>Báo cáo của cơ quan</source>
        <translation>Agency report</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="78"/>
        <source>Báo cáo toàn tỉnh ({0})</source>
        <translation>Province-wide report ({0})</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="83"/>
        <source>Báo cáo theo địa bàn</source>
        <translation>Report by locality</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="107"/>
        <source>Loại báo cáo</source>
        <translation>Report kind</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="108"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="109"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="111"/>
        <source>Cơ quan chủ quản</source>
        <translation>Parent body</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="112"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="121"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="123"/>
        <source>Số, ký hiệu</source>
        <translation>Number, symbol</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="124"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="126"/>
        <source>Kính gửi (mỗi dòng một nơi)</source>
        <translation>To (one per line)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="127"/>
        <source>Nơi nhận (mỗi dòng một nơi)</source>
        <translation>Copies to (one per line)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="135"/>
        <source>Thẩm quyền ký (TM./KT./Q.)</source>
        <translation>Signing authority (TM./KT./Q.)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="136"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s title</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="137"/>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="141"/>
        <source>Đánh giá chung</source>
        <translation>General assessment</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="142"/>
        <source>Nhiệm vụ, giải pháp</source>
        <translation>Tasks and solutions</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="143"/>
        <source>Ghi chú đối chiếu số liệu</source>
        <translation>Notes from the figure check</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="144"/>
        <source>Biểu đồ tiến độ</source>
        <translation>Progress chart</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="149"/>
        <source>Gồm các phần</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="151"/>
        <source>Chỉ các chỉ tiêu có số liệu đã duyệt</source>
        <translation>Only indicators whose figures are approved</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="160"/>
        <source>Phần lời văn…</source>
        <translation>Narrative sections…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="161"/>
        <source>Xem trước và in…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="162"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="163"/>
        <source>Lưu Word…</source>
        <translation>Save Word…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="164"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="296"/>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="299"/>
        <source>Đang tạo báo cáo…</source>
        <translation>Creating the report…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="302"/>
        <source>Đã lưu: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="306"/>
        <source>Không tạo được báo cáo: {0}</source>
        <translation>The report could not be created: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="311"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="311"/>
        <source>Tệp Word (*.docx)</source>
        <translation>Word file (*.docx)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="313"/>
        <source>toàn tỉnh</source>
        <translation>province</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="313"/>
        <source>địa bàn</source>
        <translation>by district</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="320"/>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_dialog.py" line="335"/>
        <source>Xem trước bản in</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>ReportDraft</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="413"/>
        <source>Đặc điểm tình hình</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="414"/>
        <source>Tồn tại, hạn chế</source>
        <translation>Shortcomings</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="415"/>
        <source>Nguyên nhân</source>
        <translation>Causes</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="416"/>
        <source>Nhiệm vụ, giải pháp thời gian tới</source>
        <translation>Tasks and solutions ahead</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="419"/>
        <source>Kiến nghị, đề xuất</source>
        <translation>Recommendations and proposals</translation>
    </message>
</context>
<context>
    <name>ReportDraftDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="143"/>
        <source>Bản thảo báo cáo</source>
        <translation>Report draft</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="156"/>
        <source>Báo cáo toàn tỉnh (phần chung của cơ quan tổng hợp)</source>
        <translation>Province-wide report (the consolidating office&apos;s own sections)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="167"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="169"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="173"/>
        <source>Nội dung được lưu ngay khi gõ; Ctrl+Z hoàn tác. Phần để trống không được in trong báo cáo.</source>
        <translation>Text is saved as you type; Ctrl+Z undoes. A section left empty is not printed in the report.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="189"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="235"/>
        <source>Kế hoạch chưa có kỳ báo cáo nào.</source>
        <translation>The plan has no reporting period yet.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="249"/>
        <source>Kết quả thực hiện nhiệm vụ {0}</source>
        <translation>Results on task {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="290"/>
        <source>Dùng nội dung kỳ trước</source>
        <translation>Use the previous period&apos;s text</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="360"/>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="372"/>
        <source>Đã lưu: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/report_draft.py" line="366"/>
        <source>sửa «{0}» ({1}, {2})</source>
        <translation>edit «{0}» ({1}, {2})</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="82"/>
        <source>Mục tìm thấy</source>
        <translation>Item found</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="83"/>
        <source>Chỉ tiêu năm</source>
        <translation>Yearly target</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="84"/>
        <source>Độ tin cậy</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="85"/>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="99"/>
        <source>Thông tin văn bản</source>
        <translation>Document details</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="100"/>
        <source>Cơ quan</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/plan_reader_model.py" line="109"/>
        <source>Mục chưa rõ thuộc nhóm nào</source>
        <translation>Items of no known group</translation>
    </message>
</context>
<context>
    <name>SamePeriodCommands</name>
    <message>
        <location filename="../../kh65_desktop/ui/same_period_commands.py" line="79"/>
        <source>{0} số cùng kỳ đã được sửa ở nơi khác sau đó nên được giữ nguyên.</source>
        <translation>{0} same-period figures were changed elsewhere since and were left as they are.</translation>
    </message>
</context>
<context>
    <name>SaveConflicts</name>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="24"/>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="27"/>
        <source>(để trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="36"/>
        <source>{0} ngày {1}</source>
        <translation>{0} on {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="43"/>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="77"/>
        <source>người khác</source>
        <translation>someone else</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="44"/>
        <source>Số “{0}” vừa được {1} sửa lúc {2}.</source>
        <translation>“{0}” was just changed by {1} at {2}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="50"/>
        <source>Số của họ: {0}</source>
        <translation>Their figure: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="51"/>
        <source>Số của bạn: {0}</source>
        <translation>Your figure: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="66"/>
        <source>Số liệu vừa được người khác sửa</source>
        <translation>Figure just changed by someone else</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="69"/>
        <source>Giữ số của tôi: ghi số bạn vừa nhập đè lên số của họ. Lấy số của họ: không ghi gì, số của họ được giữ nguyên.</source>
        <translation>Keep mine: write the figure you typed over theirs. Take theirs: nothing is written, their figure stays.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="80"/>
        <source>Nhiệm vụ {0} vừa được {1} sửa lúc {2}.</source>
        <translation>Task {0} was just changed by {1} at {2}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="83"/>
        <source>Tình trạng của họ: {0}</source>
        <translation>Their status: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="84"/>
        <source>Tình trạng bạn chọn: {0}</source>
        <translation>Your status: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="89"/>
        <source>Nhiệm vụ vừa được người khác sửa</source>
        <translation>Task just changed by someone else</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="92"/>
        <source>Giữ của tôi: ghi tình trạng bạn chọn. Lấy của họ: không ghi gì, tình trạng của họ được giữ nguyên.</source>
        <translation>Keep mine: write the status you chose. Take theirs: nothing is written, their status stays.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="95"/>
        <source>Giữ của tôi</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="95"/>
        <source>Lấy của họ</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="109"/>
        <source>Giữ số của tôi</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="110"/>
        <source>Lấy số của họ</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="125"/>
        <source>Đã giữ số liệu người khác vừa sửa; số bạn nhập ({0}) chưa được lưu, hãy nhập lại nếu vẫn muốn thay.</source>
        <translation>Kept the figure someone else just changed; what you typed ({0}) was not saved, type it again if you still want to change it.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/save_conflicts.py" line="132"/>
        <source>Đã giữ tình trạng người khác vừa sửa; tình trạng bạn chọn ({0}) chưa được lưu.</source>
        <translation>Kept the status someone else just set; the status you chose ({0}) was not saved.</translation>
    </message>
</context>
<context>
    <name>SignatureResult</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="26"/>
        <source>Kiểm tra chữ ký số</source>
        <translation>Check a digital signature</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="27"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="36"/>
        <source>Đang kiểm tra chữ ký…</source>
        <translation>Checking the signature…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="67"/>
        <source>Kiểm tra chữ ký số: {0}</source>
        <translation>Signature check: {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="70"/>
        <source>Chữ ký hợp lệ</source>
        <translation>The signature is valid</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="72"/>
        <source>Chữ ký KHÔNG hợp lệ hoặc không kiểm tra được</source>
        <translation>The signature is NOT valid or could not be checked</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="84"/>
        <source>Tin cậy nơi cấp chứng thư…</source>
        <translation>Trust the issuing authority…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="102"/>
        <source>Chứng thư gốc của nơi cấp</source>
        <translation>The authority&apos;s root certificate</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="103"/>
        <source>Chứng thư số (*.pem *.cer *.crt)</source>
        <translation>Certificates (*.pem *.cer *.crt)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/verify_dialog.py" line="110"/>
        <source>Tin cậy nơi cấp chứng thư</source>
        <translation>Trust the issuing authority</translation>
    </message>
</context>
<context>
    <name>SigningChoice</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="36"/>
        <source>Ký số khi lưu</source>
        <translation>Sign digitally when saving</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="41"/>
        <source>Tệp khóa .p12/.pfx</source>
        <translation>.p12/.pfx key file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="42"/>
        <source>Thiết bị ký số (token)</source>
        <translation>Signing token</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="56"/>
        <source>Ký như bản sao (góc trên bên phải trang đầu)</source>
        <translation>Sign as a copy (top right of the first page)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="58"/>
        <source>Ký bằng</source>
        <translation>Sign with</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="59"/>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="62"/>
        <source>Tệp khóa</source>
        <translation>Key file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="62"/>
        <source>Tệp khóa (*.p12 *.pfx)</source>
        <translation>Key files (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="63"/>
        <source>Thư viện thiết bị</source>
        <translation>Token library</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="63"/>
        <source>Thư viện PKCS#11 (*.so *.dll)</source>
        <translation>PKCS#11 libraries (*.so *.dll)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="64"/>
        <source>Nhãn thiết bị</source>
        <translation>Token label</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="65"/>
        <source>Ảnh chữ ký</source>
        <translation>Signature image</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="66"/>
        <source>Ảnh con dấu</source>
        <translation>Seal image</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="76"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="80"/>
        <source>bỏ trống: thiết bị đầu tiên</source>
        <translation>empty: the first token</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="100"/>
        <source>Chọn tệp</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="127"/>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="145"/>
        <source>Ký số</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="128"/>
        <source>Hãy chọn tệp khóa hoặc thư viện của thiết bị ký số trước khi lưu.</source>
        <translation>Choose the key file or the signing token&apos;s library before saving.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="132"/>
        <source>Mật khẩu của tệp khóa {0}:</source>
        <translation>Passphrase of the key file {0}:</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/signing_choice.py" line="134"/>
        <source>Mã PIN của thiết bị ký số:</source>
        <translation>PIN of the signing token:</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="14"/>
        <source>Lũy kế</source>
        <translation>Accumulating</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="15"/>
        <source>Mức/tỷ lệ</source>
        <translation>Level/rate</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="16"/>
        <source>Định tính</source>
        <translation>Qualitative</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="17"/>
        <source>Càng cao càng tốt</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="18"/>
        <source>Càng thấp càng tốt</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="19"/>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="20"/>
        <source>Tối thiểu</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="21"/>
        <source>Tối đa</source>
        <translation>Ceiling</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="22"/>
        <source>Mức thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="23"/>
        <source>Giữ vững</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="24"/>
        <source>Hoàn thành</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="25"/>
        <source>Đạt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="26"/>
        <source>Đúng tiến độ</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="27"/>
        <source>Chậm tiến độ</source>
        <translation>Lagging</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="28"/>
        <source>Nguy cơ không đạt</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="29"/>
        <source>Chưa đủ số liệu</source>
        <translation>Not enough data</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="30"/>
        <source>Tỷ lệ so với kế hoạch</source>
        <translation>Percent of plan</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="31"/>
        <source>Còn phải thực hiện</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="32"/>
        <source>Tổng kế hoạch</source>
        <translation>Total target</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="33"/>
        <source>Tổng thực hiện</source>
        <translation>Total actual</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="34"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="35"/>
        <source>Phối hợp</source>
        <translation>Coordinating</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="36"/>
        <source>Chưa thực hiện</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="37"/>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="38"/>
        <source>Đã hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="39"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="40"/>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="41"/>
        <source>Còn hạn</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="42"/>
        <source>Không có hạn</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="43"/>
        <source>Đã xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="44"/>
        <source>Thấp</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="45"/>
        <source>Trung bình</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/labels.py" line="46"/>
        <source>Cao</source>
        <translation>High</translation>
    </message>
</context>
<context>
    <name>StatusTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="88"/>
        <source>Đặt hạn nộp</source>
        <translation>Set due date</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="110"/>
        <source>&amp;Duyệt</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="111"/>
        <source>Trả &amp;lại…</source>
        <translation>Retur&amp;n…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="112"/>
        <source>&amp;Mở lại…</source>
        <translation>Re&amp;open…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="113"/>
        <source>Xuất danh sách chưa báo cáo…</source>
        <translation>Export not-reported list…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="114"/>
        <source>In danh sách…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="115"/>
        <source>Chép danh sách</source>
        <translation>Copy list</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="116"/>
        <source>Báo cáo tỉnh từ số liệu đã duyệt…</source>
        <translation>Province report from approved figures…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="124"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="126"/>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="205"/>
        <source>Hạn nộp</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="130"/>
        <source>Các gói số liệu đã nhận trong kỳ</source>
        <translation>Packages received for the period</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="152"/>
        <source>chưa gửi</source>
        <translation>not sent</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="153"/>
        <source>đã gửi</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="154"/>
        <source>đã duyệt</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="155"/>
        <source>trả lại</source>
        <translation>returned</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="162"/>
        <source>trễ {0} ngày</source>
        <translation>{0} days late</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="164"/>
        <source>hạn hôm nay</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="165"/>
        <source>còn {0} ngày</source>
        <translation>{0} days left</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="178"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="181"/>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="242"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="188"/>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="195"/>
        <source>Gói gần nhất</source>
        <translation>Last package</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="202"/>
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="207"/>
        <source>Còn/trễ</source>
        <translation>Left/late</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="211"/>
        <source>Nhận xét, lý do</source>
        <translation>Comment, reason</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="221"/>
        <source>đã xác thực</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="222"/>
        <source>chưa ký</source>
        <translation>unsigned</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="223"/>
        <source>khóa chưa được tin cậy</source>
        <translation>key not trusted</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="232"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="233"/>
        <source>Đơn vị gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="236"/>
        <source>Lúc nhập</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="240"/>
        <source>Người nhập</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="241"/>
        <source>Chữ ký</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="248"/>
        <source>đã hoàn tác</source>
        <translation>undone</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="254"/>
        <source>đã nhập</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="275"/>
        <source>Kế hoạch chưa có kỳ báo cáo.</source>
        <translation>The plan has no reporting period yet.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="287"/>
        <source>{0}/{1} đơn vị đã gửi, {2} đã duyệt, {3} trễ hạn (hôm nay {4})</source>
        <translation>{0}/{1} units sent, {2} approved, {3} late (today {4})</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="304"/>
        <source>Hãy chọn một đơn vị trong bảng.</source>
        <translation>Select a unit in the table.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="310"/>
        <source>Trả lại số liệu</source>
        <translation>Return figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="311"/>
        <source>Nhận xét gửi lại {0} (kỳ {1}):</source>
        <translation>Comment sent back to {0} (period {1}):</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="316"/>
        <source>Mở lại số liệu</source>
        <translation>Reopen figures</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="317"/>
        <source>Lý do mở lại số liệu của {0} (kỳ {1}); lý do được ghi lại:</source>
        <translation>Reason for reopening the figures of {0} (period {1}); the reason is logged:</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="327"/>
        <source>duyệt số liệu {0}, kỳ {1}</source>
        <translation>approve figures of {0}, period {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="328"/>
        <source>trả lại số liệu {0}, kỳ {1}</source>
        <translation>return figures of {0}, period {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="329"/>
        <source>mở lại số liệu {0}, kỳ {1}</source>
        <translation>reopen figures of {0}, period {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="350"/>
        <source>đặt hạn nộp báo cáo kỳ {0}: {1}</source>
        <translation>set the report due date of {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="359"/>
        <source>Xuất danh sách đơn vị chưa báo cáo</source>
        <translation>Export the list of units not reported</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="361"/>
        <source>Bảng tính Excel (*.xlsx);;Tệp CSV (*.csv);;Văn bản (*.txt)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv);;Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="370"/>
        <source>Đã ghi {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="375"/>
        <source>Đã chép danh sách đơn vị chưa báo cáo.</source>
        <translation>Copied the list of units not reported.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/status_tab.py" line="386"/>
        <source>In danh sách đơn vị chưa báo cáo</source>
        <translation>Print the list of units not reported</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <location filename="../../kh65_desktop/ui/table_export.py" line="44"/>
        <source>Xuất bảng…</source>
        <translation>Export table…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/table_export.py" line="56"/>
        <location filename="../../kh65_desktop/ui/table_export.py" line="68"/>
        <location filename="../../kh65_desktop/ui/table_export.py" line="83"/>
        <source>Xuất bảng</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/table_export.py" line="58"/>
        <source>Bảng tính Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/table_export.py" line="69"/>
        <source>Không ghi được {0}: {1}.</source>
        <translation>Could not write {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/table_export.py" line="84"/>
        <source>Đã lưu bảng vào tệp:
{0}</source>
        <translation>The table was saved to:
{0}</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/table_export.py" line="90"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>TaskTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="54"/>
        <source>Tìm nhiệm vụ…</source>
        <translation>Search tasks…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="58"/>
        <source>Chỉ việc quá hạn, sắp đến hạn</source>
        <translation>Only overdue and due soon</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="59"/>
        <source>Thêm nhiệm vụ…</source>
        <translation>Add task…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="62"/>
        <source>Sửa nhiệm vụ…</source>
        <translation>Edit task…</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="65"/>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="136"/>
        <source>Xóa nhiệm vụ</source>
        <translation>Delete task</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="109"/>
        <source>Mọi cơ quan</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="124"/>
        <source>Hãy chọn nhiệm vụ cần sửa.</source>
        <translation>Choose the task to edit.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="131"/>
        <source>Hãy chọn nhiệm vụ cần xóa.</source>
        <translation>Choose the task to delete.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="133"/>
        <source>Xóa nhiệm vụ {0}?

{1}

Có thể hoàn tác bằng Ctrl+Z.</source>
        <translation>Delete task {0}?

{1}

You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="139"/>
        <source>xóa nhiệm vụ {0}</source>
        <translation>delete task {0}</translation>
    </message>
</context>
<context>
    <name>UnsavedBar</name>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="113"/>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="125"/>
        <source>{0} lần lưu chưa lưu được (mất kết nối)</source>
        <translation>{0} save(s) not saved (connection lost)</translation>
    </message>
</context>
<context>
    <name>UnsavedSaves</name>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="28"/>
        <source>(để trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="45"/>
        <source>Mất kết nối tới máy chủ</source>
        <translation>Connection to the server lost</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="48"/>
        <source>Mất kết nối tới máy chủ cơ sở dữ liệu khi lưu {0}. Chưa có gì được ghi, không có số nào bị ghi dở.</source>
        <translation>The connection to the database server was lost while saving {0}. Nothing was written; no figure is half-written.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="54"/>
        <source>Thử lại: lưu lại đúng các số này ngay (khi máy chủ đã chạy lại). Để sau: số bạn nhập được giữ, đánh dấu “chưa lưu”, và được lưu lại ở lần lưu sau.</source>
        <translation>Try again: save these same figures now (once the server is running again). Later: your typed figures are kept, marked “not saved”, and saved with the next save.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="58"/>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="60"/>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="72"/>
        <source>Chưa lưu {0}: mất kết nối tới máy chủ. Số bạn nhập được giữ, đánh dấu “chưa lưu”; chương trình lưu lại ở lần lưu sau, hoặc chọn Sửa → Lưu lại số chưa lưu.</source>
        <translation>{0} not saved: the connection to the server was lost. Your typed figures are kept, marked “not saved”; they are saved with the next save, or choose Edit → Save unsaved figures again.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="76"/>
        <source>Chưa lưu {0}: mất kết nối tới máy chủ. Các số bạn nhập vẫn còn trong biểu; bấm Lưu để thử lại khi máy chủ đã chạy lại.</source>
        <translation>{0} not saved: the connection to the server was lost. Your typed figures are still in the form; press Save to try again once the server is running again.</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/unsaved_saves.py" line="83"/>
        <source>Vẫn chưa kết nối được tới máy chủ: {0} lần lưu đang chờ, số đã nhập vẫn được giữ. Hãy thử lại khi máy chủ đã chạy lại.</source>
        <translation>Still no connection to the server: {0} save(s) waiting, the typed figures are still kept. Try again once the server is running again.</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/import_dialog.py" line="103"/>
        <source>nhập tệp {0}</source>
        <translation>import file {0}</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="47"/>
        <source>Mật khẩu khóa ký</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/package_keys.py" line="48"/>
        <source>Khóa ký của đơn vị được đặt mật khẩu. Nhập mật khẩu:</source>
        <translation>The office&apos;s signing key has a passphrase. Enter it:</translation>
    </message>
</context>
</TS>
