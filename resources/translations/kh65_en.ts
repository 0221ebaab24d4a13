<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="38"/>
        <source>thêm {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="43"/>
        <source>sửa {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="51"/>
        <source>Mã “{0}” đã có; hãy chọn mã khác.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="59"/>
        <source>Cơ quan cấp tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="60"/>
        <source>UBND huyện, thị xã, thành phố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="61"/>
        <source>Cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="62"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="76"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="103"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="124"/>
        <source>Mã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="63"/>
        <source>Tên cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="64"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="78"/>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="68"/>
        <source>cơ quan “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="75"/>
        <source>Địa phương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="77"/>
        <source>Tên địa phương</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="84"/>
        <source>địa phương “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="91"/>
        <source>Tháng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="91"/>
        <source>Quý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="92"/>
        <source>6 tháng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="92"/>
        <source>9 tháng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="93"/>
        <source>Năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="97"/>
        <source>Ngày kết thúc phải sau ngày bắt đầu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="99"/>
        <source>Kỳ báo cáo phải kết thúc trong năm của kế hoạch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="102"/>
        <source>Kỳ báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="104"/>
        <source>Tên kỳ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="105"/>
        <source>Loại kỳ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="107"/>
        <source>Từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="108"/>
        <source>Đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="109"/>
        <source>Ngày chốt số liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="115"/>
        <source>kỳ “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="122"/>
        <source>Chỉ tiêu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="123"/>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="155"/>
        <source>Nhóm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="125"/>
        <source>Tên chỉ tiêu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="126"/>
        <source>Đơn vị tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="127"/>
        <source>Loại chỉ tiêu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="129"/>
        <source>Chiều tốt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="131"/>
        <source>Dạng chỉ tiêu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="133"/>
        <source>Kế hoạch (số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="134"/>
        <source>Không tính mốc (trên/dưới)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="136"/>
        <source>Tỷ lệ phải đạt (% kế hoạch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="138"/>
        <source>Kế hoạch (lời văn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="139"/>
        <source>Mức xuất phát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="146"/>
        <source>chỉ tiêu “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="151"/>
        <source>(Không thuộc nhóm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="153"/>
        <source>Thêm nhiệm vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="154"/>
        <source>Nội dung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="156"/>
        <source>Cơ quan chủ trì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="158"/>
        <source>Cơ quan phối hợp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="159"/>
        <source>Thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/entity_actions.py" line="168"/>
        <source>thêm nhiệm vụ {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="67"/>
        <source>Chỉ tiêu định tính không có kế hoạch bằng số.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="68"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="179"/>
        <source>Kế hoạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="70"/>
        <source>sửa kế hoạch “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="75"/>
        <source>Kế hoạch chưa có kỳ báo cáo nào; hãy thêm kỳ báo cáo trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="76"/>
        <location filename="../../kh65_desktop/ui/columns.py" line="186"/>
        <source>Thực hiện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="81"/>
        <source>sửa số thực hiện “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="113"/>
        <source>Chưa có số liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="116"/>
        <source>tính đến ngày {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="117"/>
        <source>Người nhập: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="124"/>
        <source>Văn bản ghi: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="134"/>
        <source>Tình trạng “{0}” không có trong danh sách.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="137"/>
        <source>đổi tình trạng nhiệm vụ {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="177"/>
        <source>Hãy chọn chỉ tiêu trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="180"/>
        <source>sửa kế hoạch của {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="185"/>
        <source>Hãy chọn chỉ tiêu và kỳ báo cáo trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/columns.py" line="190"/>
        <source>sửa số thực hiện của {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgencyTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="39"/>
        <source>Chọn một cơ quan ở danh sách bên trái.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="43"/>
        <source>Nhập số liệu kỳ mới…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="46"/>
        <source>Thêm cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="48"/>
        <source>Sửa cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="66"/>
        <source>Chỉ tiêu chủ trì và phối hợp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/agency_tab.py" line="118"/>
        <source>{0}: chủ trì {1}, phối hợp {2} chỉ tiêu; {3} nhiệm vụ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../kh65_desktop/ui/context.py" line="64"/>
        <source>Không lưu được thay đổi: {0}. Dữ liệu không bị thay đổi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/context.py" line="68"/>
        <source>Đã lưu: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Clerk</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/clerk.py" line="15"/>
        <source>Người nhập số liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/clerk.py" line="17"/>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/clerk.py" line="19"/>
        <source>Cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="28"/>
        <source>Đối chiếu số liệu văn bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="47"/>
        <source>Không có chênh lệch: số liệu văn bản nêu khớp với số tính được sau khi làm tròn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/findings.py" line="49"/>
        <source>{0} chỗ số liệu văn bản nêu khác với số tính được. Văn bản được giữ nguyên; di chuột lên tên chỉ tiêu để xem chi tiết.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/form.py" line="54"/>
        <source>Đồng ý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/form.py" line="55"/>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/form.py" line="83"/>
        <source>Có thời hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/form.py" line="123"/>
        <source>Hãy nhập “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="52"/>
        <source>Lịch sử số liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/history.py" line="66"/>
        <source>Chưa có thay đổi nào được ghi lại cho chỉ tiêu này.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="32"/>
        <source>Tìm chỉ tiêu (gõ có dấu hoặc không dấu)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="39"/>
        <source>Mọi đánh giá</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="42"/>
        <source>Xem số liệu đến hết kỳ này; số nhập mới ghi vào kỳ này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="43"/>
        <source>Lịch sử…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="45"/>
        <source>Thêm chỉ tiêu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="47"/>
        <source>Sửa chỉ tiêu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="84"/>
        <source>Mọi cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/indicator_tab.py" line="86"/>
        <source>Kỳ mới nhất</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalityTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="28"/>
        <source>Thêm địa phương…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="30"/>
        <source>Sửa địa phương…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="42"/>
        <source>Chỉ tiêu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="44"/>
        <source>Kỳ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="86"/>
        <source>{0}: tổng các địa phương {1}; toàn tỉnh {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="88"/>
        <source>khớp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="88"/>
        <source>KHÔNG KHỚP, chênh {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="93"/>
        <source>Kế hoạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/locality_tab.py" line="94"/>
        <source>Thực hiện</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="39"/>
        <source>Tổng quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="40"/>
        <source>Cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="41"/>
        <source>Chỉ tiêu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="42"/>
        <source>Nhiệm vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="43"/>
        <source>Địa bàn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="60"/>
        <source>&amp;Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="61"/>
        <source>Đối chiếu số liệu văn bản…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="64"/>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="68"/>
        <source>&amp;Sửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="69"/>
        <source>Hoàn tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="71"/>
        <source>Làm lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="76"/>
        <source>&amp;Kế hoạch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="78"/>
        <source>Nhập số liệu kỳ mới…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="81"/>
        <source>Thêm kỳ báo cáo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="82"/>
        <source>Thêm chỉ tiêu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="83"/>
        <source>Thêm cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="84"/>
        <source>Thêm địa phương…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="86"/>
        <source>Thêm nhiệm vụ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="89"/>
        <source>&amp;Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="90"/>
        <source>Người nhập và cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="92"/>
        <source>Ngôn ngữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="100"/>
        <source>Người nhập: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="108"/>
        <source>Ngôn ngữ mới được áp dụng khi mở lại ứng dụng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="127"/>
        <source>Không đối chiếu được: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/main_window.py" line="129"/>
        <source>Đang đối chiếu số liệu…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="29"/>
        <source>Đánh giá chỉ tiêu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="55"/>
        <source>Chỉ tiêu chậm nhất so với tiến độ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="57"/>
        <source>Nhiệm vụ quá hạn và sắp đến hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="70"/>
        <source>Kế hoạch số {0} ngày {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/overview_tab.py" line="77"/>
        <source>Nhiệm vụ quá hạn và sắp đến hạn ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodEntryDialog</name>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="78"/>
        <source>Nhập số liệu kỳ báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="91"/>
        <source>Thêm kỳ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="102"/>
        <source>Cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="106"/>
        <source>Kỳ báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="109"/>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="110"/>
        <source>Hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="168"/>
        <source>Hãy chọn hoặc thêm kỳ báo cáo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/dialogs/period_entry.py" line="172"/>
        <source>nhập {0} số liệu {1} của {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTab</name>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="45"/>
        <source>Tìm nhiệm vụ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="49"/>
        <source>Chỉ việc quá hạn, sắp đến hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="50"/>
        <source>Thêm nhiệm vụ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="53"/>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="100"/>
        <source>Xóa nhiệm vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="82"/>
        <source>Mọi cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="96"/>
        <source>Hãy chọn nhiệm vụ cần xóa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="98"/>
        <source>Xóa nhiệm vụ {0}?

{1}

Có thể hoàn tác bằng Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kh65_desktop/ui/tabs/task_tab.py" line="102"/>
        <source>xóa nhiệm vụ {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
