<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CorridorBuffersAlgorithm</name>
    <message>
        <source>Corridor buffers</source>
        <translation>廊道缓冲区</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>发展轴</translation>
    </message>
    <message>
        <source>corridor,buffer,band,ring,railway,highway,town belt,dissolve,廊道,城镇带,缓冲区</source>
        <translation>corridor,buffer,band,ring,railway,highway,town belt,dissolve,廊道,城镇带,缓冲区,圈层,铁路,公路</translation>
    </message>
    <message>
        <source>Buffers railways and highways into corridors by class width or bands, dissolved, and lists the towns along them.</source>
        <translation>按等级宽度或圈层对铁路和公路做缓冲并融合为廊道，并列出沿线城镇。</translation>
    </message>
    <message>
        <source>Width from</source>
        <translation>宽度依据</translation>
    </message>
    <message>
        <source>Fixed width</source>
        <translation>固定宽度</translation>
    </message>
    <message>
        <source>Width field</source>
        <translation>宽度字段</translation>
    </message>
    <message>
        <source>Class table</source>
        <translation>等级对照表</translation>
    </message>
    <message>
        <source>Width (km, each side)</source>
        <translation>宽度（公里，单侧）</translation>
    </message>
    <message>
        <source>Width field (km)</source>
        <translation>宽度字段（公里）</translation>
    </message>
    <message>
        <source>Width table (class=km;…)</source>
        <translation>宽度表（等级=公里;…）</translation>
    </message>
    <message>
        <source>Width for classes not in the table (km, 0 = refuse)</source>
        <translation>表中没有的等级所用宽度（公里，0 = 拒绝运行）</translation>
    </message>
    <message>
        <source>Bands (km, e.g. 5;10;20; empty = widths)</source>
        <translation>圈层（公里，如 5;10;20；留空 = 使用宽度）</translation>
    </message>
    <message>
        <source>Bands as</source>
        <translation>圈层形式</translation>
    </message>
    <message>
        <source>Rings</source>
        <translation>环带</translation>
    </message>
    <message>
        <source>Discs</source>
        <translation>实心区</translation>
    </message>
    <message>
        <source>Dissolve</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不融合</translation>
    </message>
    <message>
        <source>By class</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>按名称</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <source>End cap</source>
        <translation>端点样式</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>圆头</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>平头</translation>
    </message>
    <message>
        <source>Segments per quarter circle</source>
        <translation>每四分之一圆的分段数</translation>
    </message>
    <message>
        <source>Working CRS (projected; empty = automatic)</source>
        <translation>工作坐标参考系（投影坐标系；留空 = 自动）</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>Town population field</source>
        <translation>城镇人口字段</translation>
    </message>
    <message>
        <source>Corridors</source>
        <translation>廊道</translation>
    </message>
    <message>
        <source>Towns along corridors</source>
        <translation>沿廊道城镇</translation>
    </message>
    <message>
        <source>Corridor statistics</source>
        <translation>廊道统计</translation>
    </message>
    <message>
        <source>WIDTH: %1 km is not positive.</source>
        <translation>WIDTH：%1 公里不是正数。</translation>
    </message>
    <message>
        <source>BANDS: &apos;%1&apos; is not a positive number of km; write e.g. 5;10;20.</source>
        <translation>BANDS：“%1”不是正的公里数；请写成如 5;10;20。</translation>
    </message>
    <message>
        <source>BANDS: distances must increase; write e.g. 5;10;20.</source>
        <translation>BANDS：距离必须递增；请写成如 5;10;20。</translation>
    </message>
    <message>
        <source>Reading lines</source>
        <translation>正在读取线路</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Buffering and dissolving</source>
        <translation>正在缓冲并融合</translation>
    </message>
    <message>
        <source>Geometry engine error: %1</source>
        <translation>几何引擎错误：%1</translation>
    </message>
    <message>
        <source>the lines&apos; extent</source>
        <translation>线的范围</translation>
    </message>
    <message>
        <source>Draws corridors (town belts, 城镇带) along railways, highways and rivers. Lines takes one or more layers (rail, highways, ferries); Rivers (optional, e.g. Natural Earth rivers) adds river belts, whose class is river (width table entry river=km). The class, name and width fields are field names read in every layer that has them; a line without a class value takes its layer&apos;s name as its class.

&lt;b&gt;Width&lt;/b&gt; (km from the line, on each side): one fixed width, a width field, or a class table class=km;… (e.g. high_speed_rail=10;rail=5;expressway=5;national_road=3; a class missing from the table is refused by name unless a default width is set). &lt;b&gt;Bands&lt;/b&gt; (km, e.g. 5;10;20) replace the widths with distances from every line, output as rings (5–10 km…) or discs (0–10 km…).

&lt;b&gt;Dissolve&lt;/b&gt;: none (one corridor per line), by class, by name, or all.

Buffers are made in a projected working CRS: the one given, or an automatic one (the UTM zone for an extent up to 6° wide, otherwise an azimuthal equidistant projection on its centre); the log reports the choice and its largest scale error over the extent. Lines are simplified by 1 % of the buffer distance first (the corridor edge moves by at most that). Segments: per quarter circle. Output is in the input CRS with areas in km² on the WGS 84 ellipsoid.

&lt;b&gt;Towns&lt;/b&gt; (optional): each town gets its nearest line&apos;s corridor, dist_km (geodesic distance to that line) and band (1 = nearest band; without bands 1 when within that line&apos;s width; NULL outside). &lt;b&gt;Stats&lt;/b&gt;: per corridor len_km (geodesic length of its lines), area_km2, n_towns and pop_sum.</source>
        <translation>沿铁路、公路和河流绘制廊道（城镇带）。线路可取一个或多个图层（铁路、公路、轮渡）；河流（可选，如 Natural Earth 河流）增加沿河城镇带，其等级为 river（宽度表条目 river=公里）。等级、名称和宽度字段为字段名，在每个含有该字段的图层中读取；没有等级值的线路以其图层名为等级。

&lt;b&gt;宽度&lt;/b&gt;（距线路的公里数，单侧）：一个固定宽度、宽度字段，或等级对照表 等级=公里;…（如 high_speed_rail=10;rail=5;expressway=5;national_road=3；表中没有的等级会被按名称拒绝，除非设置了默认宽度）。&lt;b&gt;圈层&lt;/b&gt;（公里，如 5;10;20）以到所有线路的距离代替宽度，输出为环带（5–10 公里…）或实心区（0–10 公里…）。

&lt;b&gt;融合&lt;/b&gt;：不融合（每条线路一个廊道）、按等级、按名称或全部。

缓冲在投影工作坐标系中进行：采用给定的坐标系，或自动选择（范围宽不超过 6° 时用 UTM 分带，否则用以范围中心为原点的方位等距投影）；日志报告所选坐标系及其在范围内的最大比例误差。缓冲前先按缓冲距离的 1 % 简化线路（廊道边界最多移动该距离）。分段数按四分之一圆计。输出采用输入坐标参考系，面积为 WGS 84 椭球面上的平方公里。

&lt;b&gt;城镇&lt;/b&gt;（可选）：每个城镇记录其最近线路所属的廊道、dist_km（到该线路的测地距离）和 band（1 为最近的圈层；无圈层时在该线路宽度内为 1；在外为空）。&lt;b&gt;统计&lt;/b&gt;：每个廊道的 len_km（其线路的测地长度）、area_km2、n_towns 和 pop_sum。</translation>
    </message>
    <message>
        <source>Lines (rail, highways; one or more layers)</source>
        <translation>线路（铁路、公路；一个或多个图层）</translation>
    </message>
    <message>
        <source>Rivers (river belts; optional)</source>
        <translation>河流（沿河城镇带；可选）</translation>
    </message>
    <message>
        <source>Class field (else the layer name is the class)</source>
        <translation>等级字段（否则以图层名为等级）</translation>
    </message>
    <message>
        <source>WIDTH_FIELD: choose the width field (km) of the lines.</source>
        <translation>WIDTH_FIELD：请选择线路的宽度字段（公里）。</translation>
    </message>
    <message>
        <source>NAME_FIELD: dissolving by name needs the lines&apos; name field.</source>
        <translation>NAME_FIELD：按名称融合需要线路的名称字段。</translation>
    </message>
    <message numerus="yes">
        <source>%n river line(s) make river belts (class river).</source>
        <translation>
            <numerusform>%n 条河流线形成沿河城镇带（等级 river）。</numerusform>
        </translation>
    </message>
    <message>
        <source>WIDTH_FIELD: field &apos;%1&apos; is in none of the INPUT layers.</source>
        <translation>WIDTH_FIELD：所有 INPUT 图层中都没有字段“%1”。</translation>
    </message>
    <message>
        <source>WIDTH_FIELD: line feature %1 of layer &apos;%2&apos; has no width &gt; 0.</source>
        <translation>WIDTH_FIELD：图层“%2”的线要素 %1 没有大于 0 的宽度。</translation>
    </message>
    <message>
        <source>WIDTH_TABLE: class &apos;%1&apos; (line feature %2 of layer &apos;%3&apos;) is not in the table. Add it, or set DEFAULT_WIDTH.</source>
        <translation>WIDTH_TABLE：等级“%1”（图层“%3”的线要素 %2）不在表中。请添加该等级，或设置 DEFAULT_WIDTH。</translation>
    </message>
    <message>
        <source>WIDTH: %1 km is wider than any corridor (at most %2 km); give the corridor&apos;s half-width in km.</source>
        <translation>WIDTH：%1 公里比任何廊道都宽（至多 %2 公里）；请给出廊道的半宽（公里）。</translation>
    </message>
    <message>
        <source>BANDS: %1 km is wider than any corridor (at most %2 km).</source>
        <translation>BANDS：%1 公里比任何廊道都宽（至多 %2 公里）。</translation>
    </message>
    <message>
        <source>%1: line feature %2 of layer &apos;%3&apos; has a width of %4 km, wider than any corridor (at most %5 km).</source>
        <translation>%1：图层“%3”的线要素 %2 宽度为 %4 公里，比任何廊道都宽（至多 %5 公里）。</translation>
    </message>
</context>
<context>
    <name>DevelopmentAxesAlgorithm</name>
    <message>
        <source>Development axes (gravity model)</source>
        <translation>发展轴（引力模型）</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>发展轴</translation>
    </message>
    <message>
        <source>gravity,axis,corridor,flow,network,shortest path,dijkstra,desire lines,spatial interaction,发展轴,引力模型,点轴</source>
        <translation>gravity,axis,corridor,flow,network,shortest path,dijkstra,desire lines,spatial interaction,发展轴,引力模型,点轴,最短路径,期望线,空间相互作用</translation>
    </message>
    <message>
        <source>Measures the gravity between centres, routes it over the rail/highway network and grades the lines that carry it into development axes.</source>
        <translation>计算中心之间的引力，沿铁路/公路网络分配，并将承载引力的线路分级为发展轴。</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Mass field (population, score…)</source>
        <translation>质量字段（人口、得分…）</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Geodesic km</source>
        <translation>测地距离（公里）</translation>
    </message>
    <message>
        <source>Network km</source>
        <translation>网络距离（公里）</translation>
    </message>
    <message>
        <source>Network minutes</source>
        <translation>网络时间（分钟）</translation>
    </message>
    <message>
        <source>Distance exponent b</source>
        <translation>距离指数 b</translation>
    </message>
    <message>
        <source>Constant k</source>
        <translation>常数 k</translation>
    </message>
    <message>
        <source>Snap distance to the network (km)</source>
        <translation>捕捉到网络的距离（公里）</translation>
    </message>
    <message>
        <source>Distance floor (km, or minutes; 0 = none)</source>
        <translation>距离下限（公里或分钟；0 = 不设）</translation>
    </message>
    <message>
        <source>Centres beyond the snap distance</source>
        <translation>超出捕捉距离的中心</translation>
    </message>
    <message>
        <source>Exclude with a warning</source>
        <translation>排除并警告</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝运行</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>中心对</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Top N per centre</source>
        <translation>每个中心的前 N 个</translation>
    </message>
    <message>
        <source>Gravity threshold</source>
        <translation>引力阈值</translation>
    </message>
    <message>
        <source>N (top N partners)</source>
        <translation>N（前 N 个伙伴）</translation>
    </message>
    <message>
        <source>Minimum gravity</source>
        <translation>最小引力</translation>
    </message>
    <message>
        <source>Axis grades by</source>
        <translation>发展轴分级方法</translation>
    </message>
    <message>
        <source>Jenks natural breaks</source>
        <translation>Jenks 自然断点</translation>
    </message>
    <message>
        <source>Head/tail breaks</source>
        <translation>头尾断点</translation>
    </message>
    <message>
        <source>Desire lines</source>
        <translation>期望线</translation>
    </message>
    <message>
        <source>Network edges with flow</source>
        <translation>带流量的网络边</translation>
    </message>
    <message>
        <source>Development axes</source>
        <translation>发展轴</translation>
    </message>
    <message>
        <source>Number of pairs</source>
        <translation>中心对数量</translation>
    </message>
    <message>
        <source>Total gravity</source>
        <translation>总引力</translation>
    </message>
    <message>
        <source>Pairs without a path</source>
        <translation>无路径的中心对</translation>
    </message>
    <message>
        <source>LINES: network distances need a line layer; give LINES or use geodesic distance.</source>
        <translation>LINES：网络距离需要线图层；请提供 LINES 或使用测地距离。</translation>
    </message>
    <message>
        <source>Reading centres</source>
        <translation>正在读取中心</translation>
    </message>
    <message>
        <source>%1 centre(s) with NULL or mass &lt;= 0 skipped: feature ids %2.</source>
        <translation>已跳过 %1 个质量为空或不大于 0 的中心：要素编号 %2。</translation>
    </message>
    <message>
        <source>MASS_FIELD: fewer than 2 centres have a mass &gt; 0; gravity needs pairs.</source>
        <translation>MASS_FIELD：质量大于 0 的中心少于 2 个；引力需要成对的中心。</translation>
    </message>
    <message>
        <source>Reading the network</source>
        <translation>正在读取网络</translation>
    </message>
    <message>
        <source>MIN_DISTANCE: %1 must be &gt;= 0.</source>
        <translation>MIN_DISTANCE：%1 必须不小于 0。</translation>
    </message>
    <message>
        <source>EXPONENT: b = %1 must be &gt;= 0.</source>
        <translation>EXPONENT：b = %1 必须不小于 0。</translation>
    </message>
    <message>
        <source>K: k = %1 must be &gt; 0.</source>
        <translation>K：k = %1 必须大于 0。</translation>
    </message>
    <message>
        <source>TOP_N: N must be at least 1, got %1.</source>
        <translation>TOP_N：N 至少为 1，当前为 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Gravity between %n centre(s)</source>
        <translation>
            <numerusform>计算 %n 个中心之间的引力</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 centre(s) farther than %2 km from every line: feature ids %3.</source>
        <translation>%1 个中心距任何线路都超过 %2 公里：要素编号 %3。</translation>
    </message>
    <message>
        <source>SNAP_KM: %1 Raise SNAP_KM or set UNSNAPPED to exclude them.</source>
        <translation>SNAP_KM：%1 请增大 SNAP_KM，或将 UNSNAPPED 设为排除。</translation>
    </message>
    <message>
        <source> They are left out.</source>
        <translation> 这些中心未参与计算。</translation>
    </message>
    <message>
        <source> Their gravity is not routed.</source>
        <translation> 其引力未分配到网络。</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) have no path over the network (separate parts) and are left out.</source>
        <translation>
            <numerusform>%n 对中心在网络上没有路径（网络不连通），未参与计算。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) at distance 0 (same place or network node) left out.</source>
        <translation>
            <numerusform>%n 对中心距离为 0（同一位置或同一网络节点），未参与计算。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n axis line(s) in grades 1–3.</source>
        <translation>
            <numerusform>1–3 级发展轴 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line network (rail, highways; one or more layers)</source>
        <translation>线网（铁路、公路；一个或多个图层）</translation>
    </message>
    <message>
        <source>

Outputs: Desire lines (from_fid, to_fid, names, dist_km, minutes, grav, rank, share %, external), Edges (edge_id, from_node, to_node, line_fid, layer, name, len_km, minutes, flow, ext_pct, grade), Axes (grade, name, len_km, flow, ext_pct, external: 1 when most of its flow involves an external centre) and Network components.</source>
        <translation>

输出：期望线（from_fid、to_fid、名称、dist_km、minutes、grav、rank、share %、external），网络边（edge_id、from_node、to_node、line_fid、layer、name、len_km、minutes、flow、ext_pct、grade），发展轴（grade、name、len_km、flow、ext_pct、external：其流量大部分涉及外部中心时为 1）和网络连通分量。</translation>
    </message>
    <message>
        <source>External centres (outside the plan)</source>
        <translation>外部中心（规划范围以外）</translation>
    </message>
    <message>
        <source>Mass field of the external centres</source>
        <translation>外部中心的质量字段</translation>
    </message>
    <message>
        <source>EXTERNAL_MASS_FIELD: choose the mass field of the external centres (population, score…).</source>
        <translation>EXTERNAL_MASS_FIELD：请选择外部中心的质量字段（人口、得分…）。</translation>
    </message>
    <message>
        <source>SNAP_KM: %1 km is not a distance &gt;= 0.</source>
        <translation>SNAP_KM：%1 公里不是不小于 0 的距离。</translation>
    </message>
    <message>
        <source>EXTERNAL: %1 centre(s) with NULL or mass &lt;= 0 skipped: feature ids %2.</source>
        <translation>EXTERNAL：跳过 %1 个质量为空或不大于 0 的中心：要素 ID %2。</translation>
    </message>
    <message>
        <source>EXTERNAL: %1 external centre(s) lie among the plan&apos;s own centres (inside their convex hull): feature ids %2. External centres are meant to be outside the plan; move them to CENTRES if they belong to it.</source>
        <translation>EXTERNAL：%1 个外部中心位于规划自身的中心之间（在其凸包内）：要素 ID %2。外部中心应位于规划范围以外；若它们属于本规划，请移到 CENTRES。</translation>
    </message>
    <message>
        <source>%1 centre(s) of the plan and %2 external centre(s).</source>
        <translation>规划内中心 %1 个，外部中心 %2 个。</translation>
    </message>
    <message>
        <source>MIN_GRAVITY: %1 must be a number &gt;= 0.</source>
        <translation>MIN_GRAVITY：%1 必须是不小于 0 的数。</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of centres at the same position: their desire lines have no geometry.</source>
        <translation>
            <numerusform>%n 对中心位于同一位置：其期望线没有几何。</numerusform>
        </translation>
    </message>
    <message>
        <source>PAIRS: all pairs of %1 centres are %2 million desire lines, more than %3 million. Choose the top N partners of each centre, or a gravity threshold.</source>
        <translation>PAIRS：%1 个中心的全部配对是 %2 百万条期望线，超过 %3 百万。请选择每个中心的前 N 个伙伴，或设定引力阈值。</translation>
    </message>
    <message>
        <source>Finds development axes (发展轴) with the gravity model G_ij = k·M_i·M_j / d_ij^b between centres (masses from a field, e.g. population or a townhierarchy score; centres with NULL or mass ≤ 0 are skipped and listed). Pairs closer than the distance floor (default 10 km, or minutes) count at the floor: towns a few km apart are one agglomeration, and without a floor they outweigh every axis.

&lt;b&gt;Distance&lt;/b&gt; d: geodesic km on the WGS 84 ellipsoid; network km along the lines; or network minutes, each line at its speed (km/h) from Speed field or from Class field + Speed table (class=km/h;…, e.g. rail=120;rail_hsr=250). Centres are joined to the network at the nearest point of a line within Snap distance (km); the few metres of access are not counted. Centres farther away are excluded with a warning (or refused). Pairs with no path (separate networks) or at distance 0 are counted and left out.

&lt;b&gt;Pairs&lt;/b&gt;: all, each centre&apos;s top N partners by G (memory grows with the pairs kept, not n²), or G ≥ a threshold. With geodesic distance both top N and the threshold find partners through spherical indexes of the centres grouped by mass, not by a scan of every pair (169,030 centres: seconds, where a scan is 1.4·10¹⁰ pairs); more than 10 million pairs over the threshold are refused (raise it).

&lt;b&gt;External centres&lt;/b&gt;: metropolises outside the plan that pull on it (Chongqing for Guizhou, Changchun for Jilin city), with their own mass field. They pair only with the centres of the plan, never with each other; their flows count on the network inside and outside the plan, and their desire lines and axes are marked external. An external centre inside the plan&apos;s centres is warned about.

&lt;b&gt;Network&lt;/b&gt;: the lines are noded (see below); each centre is spliced into its line; chains of vertices between junctions become one edge. Shortest paths by Dijkstra. With lines given, the gravity of every pair is routed over its shortest path (km, or minutes in minutes mode) and summed on each edge: flow. Edges with flow get grade 1–3 (1 = strongest) by Jenks natural breaks or head/tail breaks, each edge weighted by its length so that how lines are cut into edges does not matter. Axes = graded edges merged into continuous polylines per grade and route name: the route name field where the lines have one, otherwise the two centres of the strongest pair routed over the edge (&quot;贵阳—遵义&quot;).

</source>
        <translation>用引力模型 G_ij = k·M_i·M_j / d_ij^b 识别中心之间的发展轴（质量取自字段，如人口或城镇等级得分；质量为空或不大于 0 的中心被跳过并列出）。距离小于距离下限（默认 10 公里或分钟）的中心对按下限计算：相距几公里的城镇实为同一聚合体，不设下限时它们会压倒所有发展轴。

&lt;b&gt;距离&lt;/b&gt; d：WGS 84 椭球面上的测地距离（公里）；沿线路的网络距离（公里）；或网络时间（分钟），各线路按其速度（公里/小时）计算，速度取自速度字段，或由等级字段加速度表（等级=公里/小时;…，如 rail=120;rail_hsr=250）给出。中心在捕捉距离（公里）内接入最近线路上的最近点，接入段的几米不计入；更远的中心被排除并警告（或拒绝运行）。没有路径（网络不连通）或距离为 0 的中心对被计数并排除。

&lt;b&gt;中心对&lt;/b&gt;：全部、每个中心按引力排序的前 N 个伙伴（内存随保留的中心对增长，而不是 n²），或 G ≥ 阈值。采用测地线距离时，前 N 个与阈值两种方式都通过按质量分组的球面索引查找伙伴，而不是扫描所有中心对（169,030 个中心只需数秒，而扫描要 1.4·10¹⁰ 对）；超过阈值的中心对多于 1000 万时拒绝运行（请提高阈值）。

&lt;b&gt;外部中心&lt;/b&gt;：规划范围以外牵引本区的大城市（贵州的重庆、吉林市的长春），有各自的质量字段。它们只与规划范围内的中心配对，彼此之间不配对；其流量计入规划范围内外的网络，其期望线和发展轴标记为 external。位于规划中心之间的外部中心会给出警告。

&lt;b&gt;网络&lt;/b&gt;：线路先经节点化（见下文）；每个中心接入其所在线路；交汇点之间的顶点链合并为一条边。最短路径采用 Dijkstra 算法。提供线路时，每对中心的引力沿其最短路径（公里，时间模式下为分钟）分配并在各边上累加，得到流量。有流量的边按 Jenks 自然断点或头尾断点分为 1–3 级（1 为最强），每条边按长度加权，使线路如何被切分为边不影响结果。发展轴 = 同一等级、同一线路名称的分级边首尾合并而成的连续折线：线路有名称字段时取该名称，否则取经过该边的最强中心对的两个中心（“贵阳—遵义”）。

</translation>
    </message>
    <message>
        <source>MIN_GRAVITY: %1 (%2 centres). Raise the threshold, or choose the top N partners of each centre.</source>
        <translation>MIN_GRAVITY：%1（%2 个中心）。请提高阈值，或改为每个中心取前 N 个伙伴。</translation>
    </message>
</context>
<context>
    <name>HierarchyReport</name>
    <message>
        <source>rank (log scale)</source>
        <translation>位序（对数刻度）</translation>
    </message>
    <message>
        <source>%1 (log scale); fit: q = %2, R² = %3</source>
        <translation>%1（对数刻度）；拟合：q = %2，R² = %3</translation>
    </message>
    <message>
        <source>Indicator weights</source>
        <translation>指标权重</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>entropy e</source>
        <translation>熵值 e</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>成本型（越小越好）</translation>
    </message>
    <message>
        <source>benefit</source>
        <translation>效益型（越大越好）</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>%1, %2 levels; goodness of variance fit %3.</source>
        <translation>%1，%2 个等级；方差拟合优度 %3。</translation>
    </message>
    <message>
        <source>level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>score above</source>
        <translation>得分高于</translation>
    </message>
    <message>
        <source>score up to</source>
        <translation>得分不超过</translation>
    </message>
    <message>
        <source>towns</source>
        <translation>城镇数</translation>
    </message>
    <message>
        <source>Ranking (top 30) and growth poles: %1</source>
        <translation>排名（前 30）与增长极：%1 个</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>位序</translation>
    </message>
    <message>
        <source>town</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>pole</source>
        <translation>增长极</translation>
    </message>
    <message>
        <source>City-size distribution</source>
        <translation>城镇规模分布</translation>
    </message>
    <message>
        <source>No rank-size fit: fewer than 3 towns with a population above 0.</source>
        <translation>无法进行位序-规模拟合：人口大于 0 的城镇少于 3 个。</translation>
    </message>
    <message>
        <source>Rank-size rule ln P = ln P1 − q·ln r fitted by least squares on %1 towns with %2 &gt; 0 (%3 with 0 left out).</source>
        <translation>位序-规模法则 ln P = ln P1 − q·ln r，以最小二乘法拟合 %2 &gt; 0 的 %1 个城镇（另有 %3 个为 0，未参与）。</translation>
    </message>
    <message>
        <source>q (Zipf exponent)</source>
        <translation>q（齐夫指数）</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>fitted P1 = exp(ln P1)</source>
        <translation>拟合首位城市规模 P1 = exp(ln P1)</translation>
    </message>
    <message>
        <source>largest P1</source>
        <translation>实际首位城市规模 P1</translation>
    </message>
    <message>
        <source>primacy S2 = P1/P2</source>
        <translation>首位度 S2 = P1/P2</translation>
    </message>
    <message>
        <source>four-city index S4 = P1/(P2+P3+P4)</source>
        <translation>四城市指数 S4 = P1/(P2+P3+P4)</translation>
    </message>
    <message>
        <source>eleven-city index S11 = 2·P1/(P2+…+P11)</source>
        <translation>十一城市指数 S11 = 2·P1/(P2+…+P11)</translation>
    </message>
    <message>
        <source>Gini coefficient</source>
        <translation>基尼系数</translation>
    </message>
    <message>
        <source>rank-size chart</source>
        <translation>位序-规模图</translation>
    </message>
</context>
<context>
    <name>InfluenceAreasAlgorithm</name>
    <message>
        <source>Influence areas (Voronoi, Reilly, Huff)</source>
        <translation>影响范围（Voronoi、赖利、Huff）</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>voronoi,thiessen,weighted voronoi,apollonius,reilly,converse,breaking point,huff,market area,hinterland,影响范围,腹地,断裂点</source>
        <translation>voronoi,泰森多边形,加权voronoi,阿波罗尼斯圆,赖利,康弗斯,断裂点,huff,市场区,腹地,影响范围</translation>
    </message>
    <message>
        <source>Splits the study area among centres: ordinary Voronoi, weighted Voronoi with Reilly/Converse breaking points, or Huff dominant centres.</source>
        <translation>把研究区划分给各中心：普通 Voronoi、带赖利/康弗斯断裂点的加权 Voronoi，或 Huff 占优中心。</translation>
    </message>
    <message>
        <source>Says which centre serves each place.

&lt;b&gt;Methods&lt;/b&gt;
• Voronoi: each place goes to its nearest centre (GEOS&apos;s sweep; n log n).
• Weighted: each place x goes to the centre with the smallest d(x, i) / w_i (multiplicatively weighted Voronoi). With WEIGHT_RULE square root, w = √M: the border between A and B crosses the line between them at Converse&apos;s breaking point d_A = D / (1 + √(M_B / M_A)) (Reilly&apos;s law). With WEIGHT_RULE power, w = M^(1/b), b = EXPONENT, the breaking point of gravity M/d^b. Borders are circular arcs (Apollonius circles) drawn as polygons whose chords stay within TOLERANCE_KM of the true arc (a heavy centre can surround a light one).
• Huff: the probability that a place at x uses centre j is P_j = (A_j / d_j^λ) / Σ_k (A_k / d_k^λ), A = Mass field, λ = HUFF_LAMBDA, d in km (at least 1 km). Areas are each centre&apos;s dominant region (where its P is the largest: the weighted Voronoi of w = A^(1/λ)); p_mean is the mean P of the dominant centre over the towns in the area. PROBABILITY_RASTER (optional) maps P of the centre with feature id PROBABILITY_CENTRE (500 cells along the longer side, GeoTIFF in the working CRS, NoData outside the study area).

Areas are clipped to the STUDY_AREA polygons (holes and several parts allowed), or to the centres&apos; extent plus MARGIN_KM. Geographic layers are worked in a local projected CRS (logged with its scale error); projected layers in their own CRS. Centres at the same position share one area (the first keeps it; a warning lists the others).

Fields: centre_fid, name, mass, weight, area_km2 (ellipsoidal), n_towns and pop_sum (TOWNS and TOWN_POP_FIELD inside the area), p_mean (Huff), colour (neighbouring areas differ).</source>
        <translation>说明每个地方由哪个中心服务。

&lt;b&gt;方法&lt;/b&gt;
• Voronoi：每个地方归最近的中心（GEOS 扫描线算法，n log n）。
• 加权：地点 x 归 d(x, i) / w_i 最小的中心（乘法加权 Voronoi）。权重规则为平方根时 w = √M：A、B 之间的界线与两者连线相交于康弗斯断裂点 d_A = D / (1 + √(M_B / M_A))（赖利定律）。权重规则为幂时 w = M^(1/b)，b = EXPONENT，即引力 M/d^b 的断裂点。界线是圆弧（阿波罗尼斯圆），以多边形绘出，其弦与真实圆弧的偏差不超过 TOLERANCE_KM（大中心可以包围小中心）。
• Huff：位于 x 的地方选择中心 j 的概率 P_j = (A_j / d_j^λ) / Σ_k (A_k / d_k^λ)，A = 质量字段，λ = HUFF_LAMBDA，d 以公里计（至少 1 公里）。各区为每个中心占优的范围（其 P 最大之处，即 w = A^(1/λ) 的加权 Voronoi）；p_mean 为区内城镇对占优中心的平均概率。PROBABILITY_RASTER（可选）绘出要素 ID 为 PROBABILITY_CENTRE 的中心的 P（长边 500 个像元，工作坐标系下的 GeoTIFF，研究区外为 NoData）。

各区裁剪到 STUDY_AREA 多边形（允许洞和多部分），或中心范围外扩 MARGIN_KM。地理坐标图层在局部投影坐标系中计算（日志记录其尺度误差）；投影图层在其自身坐标系中计算。位置相同的中心共用一个区（第一个保留，其余在警告中列出）。

字段：centre_fid、name、mass、weight、area_km2（椭球面）、n_towns 和 pop_sum（区内的 TOWNS 及 TOWN_POP_FIELD）、p_mean（Huff）、colour（相邻区颜色不同）。</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Mass field (population, score…; weighted and Huff)</source>
        <translation>质量字段（人口、得分…；加权与 Huff）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Voronoi</source>
        <translation>Voronoi（泰森多边形）</translation>
    </message>
    <message>
        <source>Weighted Voronoi (Reilly/Converse)</source>
        <translation>加权 Voronoi（赖利/康弗斯）</translation>
    </message>
    <message>
        <source>Huff</source>
        <translation>Huff 概率模型</translation>
    </message>
    <message>
        <source>Weight from mass</source>
        <translation>由质量求权重</translation>
    </message>
    <message>
        <source>Square root (Reilly)</source>
        <translation>平方根（赖利）</translation>
    </message>
    <message>
        <source>Power M^(1/b)</source>
        <translation>幂 M^(1/b)</translation>
    </message>
    <message>
        <source>Distance exponent b (power rule)</source>
        <translation>距离指数 b（幂规则）</translation>
    </message>
    <message>
        <source>Huff distance decay λ</source>
        <translation>Huff 距离衰减 λ</translation>
    </message>
    <message>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <source>Margin around the centres without a study area (km)</source>
        <translation>无研究区时中心外扩距离（公里）</translation>
    </message>
    <message>
        <source>Arc tolerance (km)</source>
        <translation>圆弧容差（公里）</translation>
    </message>
    <message>
        <source>Towns to count per area</source>
        <translation>按区统计的城镇</translation>
    </message>
    <message>
        <source>Town population field</source>
        <translation>城镇人口字段</translation>
    </message>
    <message>
        <source>Huff: feature id of the centre to map</source>
        <translation>Huff：要制图的中心要素 ID</translation>
    </message>
    <message>
        <source>Huff probability raster</source>
        <translation>Huff 概率栅格</translation>
    </message>
    <message>
        <source>Influence areas</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Number of areas</source>
        <translation>区数</translation>
    </message>
    <message>
        <source>MASS_FIELD: weighted Voronoi and Huff need a mass for every centre (population, score…).</source>
        <translation>MASS_FIELD：加权 Voronoi 和 Huff 需要每个中心的质量（人口、得分…）。</translation>
    </message>
    <message>
        <source>EXPONENT: b = %1 must be &gt; 0.</source>
        <translation>EXPONENT：b = %1 必须大于 0。</translation>
    </message>
    <message>
        <source>HUFF_LAMBDA: λ = %1 must be &gt; 0.</source>
        <translation>HUFF_LAMBDA：λ = %1 必须大于 0。</translation>
    </message>
    <message>
        <source>MARGIN_KM: %1 km is negative.</source>
        <translation>MARGIN_KM：%1 公里为负数。</translation>
    </message>
    <message>
        <source>PROBABILITY_RASTER: the probability raster is a Huff output; choose METHOD Huff.</source>
        <translation>PROBABILITY_RASTER：概率栅格是 Huff 的输出；请将 METHOD 设为 Huff。</translation>
    </message>
    <message>
        <source>Reading centres</source>
        <translation>正在读取中心</translation>
    </message>
    <message>
        <source>CENTRES: no centre has a position.</source>
        <translation>CENTRES：没有具有位置的中心。</translation>
    </message>
    <message>
        <source>MASS_FIELD: centre feature %1 has mass %2; every centre needs a mass &gt; 0. Fill it or filter the centre out.</source>
        <translation>MASS_FIELD：中心要素 %1 的质量为 %2；每个中心的质量都须大于 0。请填写或筛除该中心。</translation>
    </message>
    <message>
        <source>STUDY_AREA: the layer has no polygon with an area.</source>
        <translation>STUDY_AREA：该图层没有具有面积的多边形。</translation>
    </message>
    <message>
        <source>the centres&apos; extent</source>
        <translation>中心的范围</translation>
    </message>
    <message>
        <source>Working in the layer&apos;s CRS %1.</source>
        <translation>在图层坐标系 %1 中计算。</translation>
    </message>
    <message>
        <source>%1 centre(s) lie outside the study area; their areas are what of them falls inside: feature ids %2.</source>
        <translation>%1 个中心位于研究区外；其影响区只保留落在区内的部分：要素 ID %2。</translation>
    </message>
    <message numerus="yes">
        <source>Voronoi cells of %n centre(s)</source>
        <translation>
            <numerusform>%n 个中心的 Voronoi 单元</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Weighted cells of %n centre(s), arcs within %1 km</source>
        <translation>
            <numerusform>%n 个中心的加权单元，圆弧误差在 %1 公里内</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 centre(s) share a position with an earlier centre and get no area of their own: feature ids %2.</source>
        <translation>%1 个中心与之前的中心位置相同，不单独成区：要素 ID %2。</translation>
    </message>
    <message>
        <source>Clipping to the study area</source>
        <translation>正在裁剪到研究区</translation>
    </message>
    <message numerus="yes">
        <source>%n town(s) outside the study area are not counted.</source>
        <translation>
            <numerusform>研究区外的 %n 个城镇不计入。</numerusform>
        </translation>
    </message>
    <message>
        <source>PROBABILITY_CENTRE: give the feature id of one of the centres (got %1).</source>
        <translation>PROBABILITY_CENTRE：请给出某个中心的要素 ID（收到 %1）。</translation>
    </message>
    <message>
        <source>PROBABILITY_RASTER: could not create %1.</source>
        <translation>PROBABILITY_RASTER：无法创建 %1。</translation>
    </message>
    <message>
        <source>PROBABILITY_RASTER: could not write %1.</source>
        <translation>PROBABILITY_RASTER：无法写入 %1。</translation>
    </message>
    <message>
        <source>METHOD Huff: %1 centres × (%2 towns%3) need %4 × 10⁹ distance terms, more than the limit of %5 × 10⁹ (about a minute). Use fewer centres (the poles, or the larger towns by an expression filter), fewer towns, no PROBABILITY_RASTER, or METHOD Weighted with WEIGHT_RULE power and EXPONENT = λ, which gives the same dominant areas (w = M^(1/λ)).</source>
        <translation>METHOD Huff：%1 个中心 ×（%2 个城镇%3）需要 %4 × 10⁹ 个距离项，超过上限 %5 × 10⁹（约一分钟）。请减少中心（只用增长极，或用表达式筛选较大的城镇）、减少城镇、不输出 PROBABILITY_RASTER，或改用 METHOD 加权（WEIGHT_RULE 幂、EXPONENT = λ），其优势范围与 Huff 相同（w = M^(1/λ)）。</translation>
    </message>
    <message>
        <source> + %1 raster cells</source>
        <translation> + %1 个栅格像元</translation>
    </message>
    <message>
        <source>TOLERANCE_KM: %1 km; give at least %2 km (1 m): finer arcs only add vertices (and time) that no map shows.</source>
        <translation>TOLERANCE_KM：%1 公里；请至少给 %2 公里（1 米）：更细的弧只会增加地图上看不出的顶点（和时间）。</translation>
    </message>
    <message>
        <source>CENTRES: feature %1 lies at latitude %2, within 5° of a pole, where influence areas from lon/lat are not drawn. Reproject the centres (and study area) to a polar CRS such as EPSG:3413 (Arctic) or EPSG:3031 (Antarctic) first.</source>
        <translation>CENTRES：要素 %1 位于纬度 %2，距极点不到 5°，在此无法由经纬度绘制影响范围。请先将中心（及研究范围）重投影到极地坐标参照系，如 EPSG:3413（北极）或 EPSG:3031（南极）。</translation>
    </message>
</context>
<context>
    <name>MemoryBudget</name>
    <message>
        <source>%1: %2 needs %3, but %4 of memory is available. %5</source>
        <translation>%1：%2需要 %3，但可用内存只有 %4。%5</translation>
    </message>
</context>
<context>
    <name>NetworkInput</name>
    <message>
        <source>Class field of the lines (else the layer name is the class)</source>
        <translation>线路的等级字段（否则以图层名为等级）</translation>
    </message>
    <message>
        <source>Speed field of the lines (km/h)</source>
        <translation>线路的速度字段（公里/小时）</translation>
    </message>
    <message>
        <source>Speed table (class=km/h;…)</source>
        <translation>速度表（等级=公里/小时;…）</translation>
    </message>
    <message>
        <source>Speed for classes not in the table (km/h, 0 = refuse)</source>
        <translation>表中没有的等级的速度（公里/小时，0 = 拒绝）</translation>
    </message>
    <message>
        <source>Route name field of the lines</source>
        <translation>线路的名称字段</translation>
    </message>
    <message>
        <source>Join lines</source>
        <translation>线路连接方式</translation>
    </message>
    <message>
        <source>At shared vertices only (keeps bridges and tunnels apart)</source>
        <translation>仅在共享顶点处（桥梁和隧道保持分离）</translation>
    </message>
    <message>
        <source>At every crossing and T-junction</source>
        <translation>在每个交叉点和丁字交汇处</translation>
    </message>
    <message>
        <source>Topology tolerance: line ends this close join (m)</source>
        <translation>拓扑容差：相距不超过此距离的线端相连（米）</translation>
    </message>
    <message>
        <source>Network components</source>
        <translation>网络连通分量</translation>
    </message>
    <message>
        <source>Number of network components</source>
        <translation>网络连通分量个数</translation>
    </message>
    <message>
        <source>Share of the network km in its largest component (%)</source>
        <translation>最大连通分量占网络里程的比例（%）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Network from real lines&lt;/b&gt;: Lines takes one or more layers (rail, highways, ferries). Lines as drawn cross without a shared vertex and stop a few metres short of the line they join. With Join lines = at every crossing and T-junction (the default) the lines are noded where they cross, line ends within the topology tolerance (m, default 100) of each other become one node, and a line end within the tolerance of another line is joined to it. With Join lines = at shared vertices only, lines that merely cross stay apart (a one-track bridge over another line, a tunnel): use it with a small tolerance when crossings are not junctions. The log reports what was joined and the connected components (count, km, share of the largest); Network components writes one multi-line per component (comp_id 1 = largest, n_nodes, len_km, n_centres). A centre whose nearest line is a small separate piece is snapped to the largest component when that is within the snap distance, and the log says so. Class, speed and route-name fields are read in every layer that has them; without a class field the layer name is the class.</source>
        <translation>&lt;b&gt;由实际线路构建网络&lt;/b&gt;：线路可取一个或多个图层（铁路、公路、轮渡）。实际绘制的线路相交处没有共享顶点，并常在距所接线路几米处中断。连接方式为“在每个交叉点和丁字交汇处”（默认）时，线路在相交处打断建节点，彼此相距不超过拓扑容差（米，默认 100）的线端合并为一个节点，距另一线路不超过容差的线端接到该线路上。连接方式为“仅在共享顶点处”时，仅相交的线路保持分离（单线铁路桥跨越另一线路、隧道）：交叉不是交汇时，与较小的容差一起使用。日志报告连接了什么以及连通分量（个数、里程、最大分量所占比例）；网络连通分量输出每个分量一条多线（comp_id 1 = 最大，n_nodes、len_km、n_centres）。最近线路属于一小段孤立线的中心，在捕捉距离内时改接到最大连通分量，日志会说明。等级、速度和名称字段在每个含有该字段的图层中读取；没有等级字段时以图层名为等级。</translation>
    </message>
    <message>
        <source>%1: give at least one line layer.</source>
        <translation>%1：请至少提供一个线图层。</translation>
    </message>
    <message>
        <source>%1: %2 could not be opened as a layer. Check the path.</source>
        <translation>%1：无法将 %2 作为图层打开。请检查路径。</translation>
    </message>
    <message>
        <source>TOLERANCE_M: %1 m is not a distance &gt; 0. Give the largest gap between lines that should join, e.g. 100 m; for joins at exactly shared vertices only, set NODING to shared vertices and TOLERANCE_M to 0.01.</source>
        <translation>TOLERANCE_M：%1 米不是大于 0 的距离。请给出应当相连的线路之间的最大间隙，如 100 米；若只在完全共享的顶点处相连，请将 NODING 设为共享顶点、TOLERANCE_M 设为 0.01。</translation>
    </message>
    <message>
        <source>TOLERANCE_M: %1 m would join lines that are meant to be apart; at most %2 m. Raise SNAP_KM to reach lines from far-off centres instead.</source>
        <translation>TOLERANCE_M：%1 米会连接本应分离的线路；最多 %2 米。若要让远处的中心接入线路，请改为增大 SNAP_KM。</translation>
    </message>
    <message>
        <source>SPEED_TABLE: %1</source>
        <translation>SPEED_TABLE：%1</translation>
    </message>
    <message>
        <source>%1: layer &apos;%2&apos; is not a line layer. Give line layers only (rail, highways, rivers).</source>
        <translation>%1：图层“%2”不是线图层。请只提供线图层（铁路、公路、河流）。</translation>
    </message>
    <message>
        <source>%1: layer &apos;%2&apos; has no features. Give a layer with lines, or leave it out.</source>
        <translation>%1：图层“%2”没有要素。请提供含有线路的图层，或不填此项。</translation>
    </message>
    <message>
        <source>SPEED_FIELD: field &apos;%1&apos; of layer &apos;%2&apos; is %3, not numeric. Convert it with the Field calculator (to_real(&quot;%1&quot;)) first.</source>
        <translation>SPEED_FIELD：图层“%2”的字段“%1”是 %3 类型，不是数值。请先用字段计算器（to_real(&quot;%1&quot;)）转换。</translation>
    </message>
    <message>
        <source>SPEED_TABLE: travel times need line speeds, and line feature %1 of layer &apos;%2&apos; (class &apos;%3&apos;) has none. Add %3=km/h to SPEED_TABLE, give a SPEED_FIELD or CLASS_FIELD, or set DEFAULT_SPEED.</source>
        <translation>SPEED_TABLE：出行时间需要线路速度，而图层“%2”的线要素 %1（等级“%3”）没有速度。请在 SPEED_TABLE 中添加 %3=公里/小时，提供 SPEED_FIELD 或 CLASS_FIELD，或设置 DEFAULT_SPEED。</translation>
    </message>
    <message>
        <source>CLASS_FIELD: field &apos;%1&apos; is in none of the %2 layers. Fields of &apos;%3&apos;: %4.</source>
        <translation>CLASS_FIELD：所有 %2 图层中都没有字段“%1”。“%3”的字段：%4。</translation>
    </message>
    <message>
        <source>SPEED_FIELD: field &apos;%1&apos; is in none of the %2 layers. Clear it to use SPEED_TABLE.</source>
        <translation>SPEED_FIELD：所有 %2 图层中都没有字段“%1”。清空该项以使用 SPEED_TABLE。</translation>
    </message>
    <message>
        <source>NAME_FIELD: field &apos;%1&apos; is in none of the %2 layers. Clear it to name axes after their poles.</source>
        <translation>NAME_FIELD：所有 %2 图层中都没有字段“%1”。清空该项则以所连接的中心命名发展轴。</translation>
    </message>
    <message>
        <source>%1: the layers have no line with a length.</source>
        <translation>%1：这些图层中没有长度大于零的线。</translation>
    </message>
    <message>
        <source>%1: %2 feature(s) without geometry and %3 zero-length part(s) ignored.</source>
        <translation>%1：忽略了 %2 个没有几何的要素和 %3 个长度为零的部分。</translation>
    </message>
    <message>
        <source>Lines from %1 layers: %2.</source>
        <translation>线路来自 %1 个图层：%2。</translation>
    </message>
    <message>
        <source>%1: layer &apos;%2&apos;, feature %3: %4. Fix or delete that vertex (Vertex tool, or Check validity) and run again.</source>
        <translation>%1：图层“%2”，要素 %3：%4。请修正或删除该顶点（顶点工具或“检查有效性”）后重新运行。</translation>
    </message>
    <message>
        <source>TOLERANCE_M: %1.</source>
        <translation>TOLERANCE_M：%1。</translation>
    </message>
    <message>
        <source>Noding: %1 crossing(s) and %2 touching vertex(es) noded, %3 line end(s) merged, %4 end(s) snapped onto a line; %5 component(s) before noding.</source>
        <translation>节点化：打断 %1 个交叉点和 %2 个接触顶点，合并 %3 个线端，%4 个线端接到线路上；节点化前有 %5 个连通分量。</translation>
    </message>
    <message>
        <source>Network: %1 nodes, %2 edges, %3 km in %4 component(s); the largest holds %5 km (%6 %).</source>
        <translation>网络：%1 个节点，%2 条边，%3 公里，%4 个连通分量；最大分量 %5 公里（%6 %）。</translation>
    </message>
    <message>
        <source>%1 centre(s) lie on separate pieces of line farther than the snap distance from the largest component: feature ids %2. They reach only centres on their own piece; check the lines there (Network components shows the pieces) or raise TOLERANCE_M if the gap is a drawing error.</source>
        <translation>%1 个中心位于孤立线段上，距最大连通分量超过捕捉距离：要素 ID %2。它们只能到达同一线段上的中心；请检查该处线路（网络连通分量显示各段），若间隙是绘图误差，请增大 TOLERANCE_M。</translation>
    </message>
    <message>
        <source>%1 centre(s) lie nearest a separate piece of line and were snapped to the largest component: feature ids %2.</source>
        <translation>%1 个中心最近的线路是一小段孤立线，已改接到最大连通分量：要素 ID %2。</translation>
    </message>
    <message>
        <source>COMPONENTS: could not write component %1: %2</source>
        <translation>COMPONENTS：无法写出连通分量 %1：%2</translation>
    </message>
</context>
<context>
    <name>PlanLayout</name>
    <message>
        <source>Auto (the title&apos;s script, else the QGIS locale)</source>
        <translation>自动（按标题文字，否则按 QGIS 界面语言）</translation>
    </message>
</context>
<context>
    <name>PlanMapAlgorithm</name>
    <message>
        <source>Towns and growth poles</source>
        <translation>城镇与增长极</translation>
    </message>
    <message>
        <source>Development axes</source>
        <translation>发展轴</translation>
    </message>
    <message>
        <source>Corridors</source>
        <translation>廊道</translation>
    </message>
    <message>
        <source>Service circles</source>
        <translation>服务圈</translation>
    </message>
    <message>
        <source>Town groups</source>
        <translation>城镇群</translation>
    </message>
    <message>
        <source>Influence areas</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>边界</translation>
    </message>
    <message>
        <source>Plan map (PDF)</source>
        <translation>规划图（PDF）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>规划图</translation>
    </message>
    <message>
        <source>map,layout,print,pdf,png,plan,legend,规划图,出图</source>
        <translation>map,layout,print,pdf,png,plan,legend,规划图,出图,图例,比例尺</translation>
    </message>
    <message>
        <source>Prints the town-system plan: towns, axes, corridors, circles, groups and boundary on one page, as PDF and PNG.</source>
        <translation>将城镇体系规划（城镇、发展轴、廊道、服务圈、城镇群和边界）排版到一页，输出 PDF 和 PNG。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Town system plan</source>
        <translation>城镇体系规划图</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Author / planning unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <source>Date (empty = today)</source>
        <translation>日期（留空 = 今天）</translation>
    </message>
    <message>
        <source>Source note</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横版</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横版</translation>
    </message>
    <message>
        <source>A3 portrait</source>
        <translation>A3 竖版</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 竖版</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Plan map (PNG)</source>
        <translation>规划图（PNG）</translation>
    </message>
    <message>
        <source>PNG files (*.png)</source>
        <translation>PNG 文件 (*.png)</translation>
    </message>
    <message>
        <source>PNG resolution (dpi)</source>
        <translation>PNG 分辨率（dpi）</translation>
    </message>
    <message>
        <source>%1: the layer has no features; leave the role empty instead.</source>
        <translation>%1：该图层没有要素；如不需要此项请留空。</translation>
    </message>
    <message>
        <source>%1: default style kept (%2).</source>
        <translation>%1：保留默认样式（%2）。</translation>
    </message>
    <message>
        <source>Give at least one layer to map: TOWNS, AXES, CORRIDORS, CIRCLES, GROUPS, AREAS or BOUNDARY.</source>
        <translation>请至少提供一个要制图的图层：TOWNS、AXES、CORRIDORS、CIRCLES、GROUPS、AREAS 或 BOUNDARY。</translation>
    </message>
    <message>
        <source>Noto Sans CJK SC is not installed, so Chinese may not render: install fonts-noto-cjk.</source>
        <translation>未安装 Noto Sans CJK SC，中文可能无法显示：请安装 fonts-noto-cjk。</translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n layer(s)</source>
        <translation>
            <numerusform>正在排版 %n 个图层</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF: cannot write %1 (%2)</source>
        <translation>PDF：无法写入 %1（%2）</translation>
    </message>
    <message>
        <source>Plan map: %1</source>
        <translation>规划图：%1</translation>
    </message>
    <message>
        <source>Layout &apos;%1&apos; added to the project (Project ▸ Layouts).</source>
        <translation>布局“%1”已添加到工程（工程 ▸ 布局）。</translation>
    </message>
    <message>
        <source>Own layout template (.qpt; replaces Template)</source>
        <translation>自定义图幅模板（.qpt；替代模板选项）</translation>
    </message>
    <message>
        <source>QGIS layout templates (*.qpt)</source>
        <translation>QGIS 图幅模板 (*.qpt)</translation>
    </message>
    <message>
        <source>Location inset (China&apos;s provinces)</source>
        <translation>区位图（中国各省）</translation>
    </message>
    <message>
        <source>INSET: the plan lies outside China; no location inset.</source>
        <translation>INSET：规划范围不在中国境内，不绘区位图。</translation>
    </message>
    <message>
        <source>%1: %2. Use a template saved from a QGIS layout whose main map item has the id &quot;map&quot;.</source>
        <translation>%1：%2。请使用从 QGIS 图幅保存、主地图图元 id 为 &quot;map&quot; 的模板。</translation>
    </message>
    <message>
        <source>Language of the map&apos;s texts</source>
        <translation>图面文字的语言</translation>
    </message>
    <message>
        <source>%1: the layer has no coordinate reference system. Set it (Layer Properties ▸ Source) first.</source>
        <translation>%1：该图层没有坐标参考系。请先设置（图层属性 ▸ 源）。</translation>
    </message>
    <message>
        <source>%1: the layer holds %2, but this role needs %3.</source>
        <translation>%1：该图层为 %2，而此角色需要 %3。</translation>
    </message>
    <message>
        <source>%1: the layer reaches beyond the globe (%2 in WGS 84). Fix or filter out the features outside it.</source>
        <translation>%1：该图层超出地球范围（WGS 84 下为 %2）。请修正或过滤掉超出范围的要素。</translation>
    </message>
    <message>
        <source>PNG: cannot write %1</source>
        <translation>PNG：无法写入 %1</translation>
    </message>
    <message>
        <source>INSET: the plan covers most of China; no location inset.</source>
        <translation>INSET：规划范围覆盖中国大部分地区，不加位置图。</translation>
    </message>
    <message>
        <source>Lays out a finished plan map: each given layer (towns and poles, development axes, corridors, service circles, town groups, influence areas, boundary — all optional, at least one) in its print style, with a title and subtitle, a legend of exactly those layers, a scale bar in km, a north arrow, and a footer with author/unit, date and source note. The map is drawn in a local projected CRS (the UTM zone for a small area, else an azimuthal equidistant projection on its centre) and framed on the layers&apos; extent.

&lt;b&gt;Language&lt;/b&gt;: every text on the page in one language — the legend&apos;s title, group names and classes (图例, 城镇与增长极, 一级城镇, 一级发展轴… or Legend, level 1, grade 1…) and the scale bar&apos;s unit (公里 or km). Auto follows the title&apos;s script, or the QGIS locale when there is no title.

&lt;b&gt;Template&lt;/b&gt;: A3 landscape (legend on the right), A4 landscape, A3 or A4 portrait (legend below). Text is set in Noto Sans CJK SC so Chinese renders (Debian package fonts-noto-cjk); without it the default font is used and the log says so. The templates are QGIS layout templates (resources/layouts/*.qpt). &lt;b&gt;Own template&lt;/b&gt;: any .qpt saved from a QGIS layout; items are filled by id — map (required), legend, title, subtitle, footer_left (author, date), footer_right (source), scalebar, north, inset — and other items are printed as they are.

&lt;b&gt;Location inset&lt;/b&gt;: China&apos;s provinces (Natural Earth, public domain) with the plan&apos;s map frame in red, in the template&apos;s inset item; left out when the plan lies outside China.

&lt;b&gt;Cartography&lt;/b&gt; (the styles in resources/styles, stored with every output): towns sized and coloured by level, growth poles ringed and the central city double-ringed; labels by level through QGIS&apos;s labelling engine (PAL), which drops what would collide, least important first — poles and levels 1–2 always, level 3 up to 1:25 M, smaller towns from 1:3 M where they fit. Symbol sizes follow the map scale (full size at 1:1.5 M and larger, down to 40 % on a national map); level 3 is drawn up to 1:25 M and levels 4 and below from 1:3 M, so a national plan shows levels 1–3 and their axes and a prefecture plan every township. Axes graded in width (grade 1 boldest, grade 3 dashed) and labelled with their names along the line; service circles as dashed outlines; corridors and belts as light bands under everything; town groups as soft envelopes (strong at the edge, fading inward) labelled with their names (城镇带, 城镇群 or belt, group); influence areas pale with dotted edges. Draw order, top first: towns, axes, boundary, circles, groups, corridors, influence areas. With up to 12 groups or areas the legend names each one in its colour.

&lt;b&gt;Inset&lt;/b&gt; placement: the inset moves to the corner of the map where it hides the fewest drawn features (the template&apos;s own corner wins ties); the log says which corner and how many features it covers. A plan covering most of China gets no inset.

&lt;b&gt;Atlas&lt;/b&gt;: with ATLAS_LAYER (polygons), one page per polygon in one multi-page PDF: each page framed on its polygon and titled from ATLAS_TITLE_FIELD (default the name field) before TITLE, or at %1 in TITLE. When the atlas layer and a map layer both have a region field, the page shows only that layer&apos;s features of its region (townsystem&apos;s atlas writes such layers); a subtitle field on the atlas layer gives each page its subtitle. PNG gives one file per page (name_01.png, …).

Exports a vector PDF (text stays searchable and editable) and, optionally, a PNG at the given DPI.</source>
        <translation>排版一幅完整的规划图：所给的每个图层（城镇与增长极、发展轴、廊道、服务圈、城镇群、影响范围、边界——均为可选，至少一个）按其出图样式绘制，并配有标题和副标题、只含这些图层的图例、以公里为单位的比例尺、指北针，以及注明编制单位、日期和资料来源的页脚。地图采用局部投影坐标系（小范围用 UTM 分带，否则用以中心为原点的方位等距投影），并按图层范围取景。

&lt;b&gt;语言&lt;/b&gt;：图面上所有文字使用同一种语言——图例标题、图层组名和分类（图例、城镇与增长极、一级城镇、一级发展轴…，或 Legend、level 1、grade 1…）以及比例尺单位（公里或 km）。自动时按标题的文字，没有标题时按 QGIS 界面语言。

&lt;b&gt;模板&lt;/b&gt;：A3 横版（图例在右）、A4 横版、A3 或 A4 竖版（图例在下）。文字使用 Noto Sans CJK SC 字体以正确显示中文（Debian 软件包 fonts-noto-cjk）；未安装时使用默认字体并在日志中提示。 模板为 QGIS 图幅模板（resources/layouts/*.qpt）。&lt;b&gt;自定义模板&lt;/b&gt;：任何从 QGIS 图幅保存的 .qpt；按 id 填充图元——map（必需）、legend、title、subtitle、footer_left（编制单位、日期）、footer_right（资料来源）、scalebar、north、inset——其他图元原样输出。

&lt;b&gt;区位图&lt;/b&gt;：中国各省（Natural Earth，公有领域），并以红框标出规划图范围，放在模板的 inset 图元中；规划范围不在中国时省略。

&lt;b&gt;制图&lt;/b&gt;（resources/styles 中的样式，随每个输出保存）：城镇按等级确定大小和颜色，增长极加圈，中心城市加双圈；注记按等级由 QGIS 注记引擎（PAL）放置，冲突时先舍去次要的——增长极和一、二级城镇始终注记，三级城镇在 1:2500 万及更大比例尺注记，更小的城镇在 1:300 万及更大比例尺、有空位时注记。符号大小随比例尺变化（1:150 万及更大比例尺为原大，全国图缩至 40%）；三级城镇在 1:2500 万及更大比例尺绘出，四级及以下在 1:300 万及更大比例尺绘出，因此全国规划图显示一至三级城镇及其发展轴，地级市规划图显示全部乡镇。发展轴按等级分宽度（一级最粗，三级为虚线），沿线注记轴名；服务圈为虚线轮廓；廊道和城镇带为置于最下层的浅色带；城镇群为柔和的包络（边缘浓、向内渐淡），注记其名称（城镇带、城镇群或 belt、group）；影响范围为浅色并用点线勾边。绘制顺序（自上而下）：城镇、发展轴、边界、服务圈、城镇群、廊道、影响范围。城镇群或影响范围不超过 12 个时，图例按颜色逐一列出其名称。

&lt;b&gt;区位图&lt;/b&gt;位置：区位图移到地图中遮挡已绘要素最少的一角（并列时取模板原来的位置）；日志说明所在角及遮挡的要素数。规划范围覆盖中国大部分地区时不加区位图。

&lt;b&gt;图集&lt;/b&gt;：给出 ATLAS_LAYER（面图层）时，每个面一页，合为一个多页 PDF：每页按该面取景，标题取自 ATLAS_TITLE_FIELD（默认为名称字段），置于 TITLE 之前，或放在 TITLE 中 %1 处。图集图层和地图图层都有 region 字段时，每页只显示该图层中本区域的要素（townsystem 的图集写出此类图层）；图集图层的 subtitle 字段给出各页副标题。PNG 每页一个文件（name_01.png, …）。

导出矢量 PDF（文字可检索、可编辑），并可按给定 DPI 导出 PNG。</translation>
    </message>
    <message>
        <source>Atlas: one page per polygon of (optional)</source>
        <translation>图集：每个面一页（可选）</translation>
    </message>
    <message>
        <source>Atlas: page title field</source>
        <translation>图集：页标题字段</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>ATLAS_LAYER: the atlas is written to the PDF; no layout is added to the project.</source>
        <translation>ATLAS_LAYER：图集已写入 PDF；不向项目添加图幅。</translation>
    </message>
    <message>
        <source>ATLAS_LAYER: the layer has no features; give one polygon per page.</source>
        <translation>ATLAS_LAYER：该图层没有要素；请每页给出一个面。</translation>
    </message>
    <message>
        <source>ATLAS_TITLE_FIELD: ATLAS_LAYER has no field %1; choose the field that names the pages.</source>
        <translation>ATLAS_TITLE_FIELD：ATLAS_LAYER 没有字段 %1；请选择为各页命名的字段。</translation>
    </message>
    <message>
        <source>ATLAS_LAYER: feature %1 has no geometry; no page for it.</source>
        <translation>ATLAS_LAYER：要素 %1 没有几何，不为其生成页面。</translation>
    </message>
    <message>
        <source>ATLAS_LAYER: feature %1 cannot be transformed to WGS 84; check the layer&apos;s CRS.</source>
        <translation>ATLAS_LAYER：要素 %1 无法转换到 WGS 84；请检查该图层的坐标参照系。</translation>
    </message>
    <message>
        <source>ATLAS_LAYER: feature %1 reaches beyond the globe (%2); fix its geometry.</source>
        <translation>ATLAS_LAYER：要素 %1 超出地球范围（%2）；请修正其几何。</translation>
    </message>
    <message>
        <source>ATLAS_LAYER: no feature has a geometry; give one polygon per page.</source>
        <translation>ATLAS_LAYER：没有要素具有几何；请每页给出一个面。</translation>
    </message>
    <message numerus="yes">
        <source>Atlas: %n page(s) from ATLAS_LAYER</source>
        <translation>
            <numerusform>图集：由 ATLAS_LAYER 生成 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>, layers with a region field filtered to each page&apos;s region</source>
        <translation>，含 region 字段的图层按各页区域筛选</translation>
    </message>
    <message>
        <source>Page %1 of %2: %3</source>
        <translation>第 %1 页，共 %2 页：%3</translation>
    </message>
    <message numerus="yes">
        <source>PNG: %n page(s), %1 …</source>
        <translation>
            <numerusform>PNG：%n 页，%1 …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoleaxisAlgorithm</name>
    <message>
        <source>%1: choose a field of %2.</source>
        <translation>%1：请选择 %2 中的一个字段。</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; is not in %3. Fields there: %4.</source>
        <translation>%1：字段“%2”不在 %3 中。现有字段：%4。</translation>
    </message>
    <message>
        <source>%1: field &apos;%2&apos; is %3, not numeric. Convert it with the Field calculator (to_real(&quot;%2&quot;)) first.</source>
        <translation>%1：字段“%2”的类型是 %3，不是数值。请先用字段计算器转换（to_real(&quot;%2&quot;)）。</translation>
    </message>
    <message>
        <source>feature %1: </source>
        <translation>要素 %1：</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等另外 %1 个</translation>
    </message>
    <message>
        <source>%1: folder %2 does not exist. Choose an existing folder.</source>
        <translation>%1：文件夹 %2 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>%1: folder %2 is not writable. Choose a folder you can write to.</source>
        <translation>%1：文件夹 %2 不可写。请选择可写入的文件夹。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the layer has no features.</source>
        <translation>%1：该图层没有要素。</translation>
    </message>
    <message>
        <source>%1: %2 is also the input %3, and writing there would replace it. Write to another file, or to a new layer inside it (%2|layername=new_name).</source>
        <translation>%1：%2 同时是输入 %3，写入会覆盖它。请写到另一个文件，或写到其中的新图层（%2|layername=新名称）。</translation>
    </message>
    <message>
        <source>%1: %2 already holds other layers (%3), and writing to it would replace the whole GeoPackage. Write a new layer inside it (%2|layername=new_name), choose another file, or delete the file first to overwrite it.</source>
        <translation>%1：%2 中已有其他图层（%3），写入会替换整个 GeoPackage。请写到其中的新图层（%2|layername=新名称）、选择另一个文件，或先删除该文件再覆盖。</translation>
    </message>
    <message>
        <source>Input error: %1. Check the input layers and parameters for that value.</source>
        <translation>输入错误：%1。请检查输入图层和参数中的该值。</translation>
    </message>
    <message>
        <source>%1. Check the layers&apos; coordinate reference systems and coordinates.</source>
        <translation>%1。请检查图层的坐标参考系和坐标。</translation>
    </message>
    <message>
        <source>Out of memory. Run on fewer features (a selection or a filter), or on a machine with more memory.</source>
        <translation>内存不足。请对较少的要素运行（选择集或过滤条件），或在内存更大的机器上运行。</translation>
    </message>
    <message>
        <source>Geometry engine error: %1. A geometry is probably invalid or out of range; run Check validity or Fix geometries on the inputs.</source>
        <translation>几何引擎错误：%1。可能有几何无效或超出范围；请对输入运行“检查有效性”或“修复几何”。</translation>
    </message>
    <message>
        <source>Unexpected internal error. Please report it with the input layers.</source>
        <translation>意外的内部错误。请连同输入图层一起报告。</translation>
    </message>
    <message>
        <source>%1: cannot write %2. Choose a file in a folder you can write to.</source>
        <translation>%1：无法写入 %2。请选择可写文件夹中的文件。</translation>
    </message>
    <message>
        <source>%1: %2 is not a number. Give a finite value (default %3).</source>
        <translation>%1：%2 不是数值。请给出有限的值（默认 %3）。</translation>
    </message>
    <message>
        <source>%1: the layer&apos;s own field(s) %2 are renamed in the output, since this algorithm writes fields of those names.</source>
        <translation>%1：图层自身的字段 %2 在输出中被重命名，因为本算法会写出同名字段。</translation>
    </message>
    <message>
        <source>%1: schema &quot;%2&quot; does not exist in the database. Create it (CREATE SCHEMA %2;) or write to another schema, e.g. public.</source>
        <translation>%1：数据库中不存在模式“%2”。请先创建（CREATE SCHEMA %2;），或写入其他模式，如 public。</translation>
    </message>
    <message>
        <source>%1: cannot reach the database (%2). Check the connection (host, port, user, database).</source>
        <translation>%1：无法连接数据库（%2）。请检查连接（主机、端口、用户、数据库）。</translation>
    </message>
    <message>
        <source>%1: %2 feature(s) without geometry (NULL or empty) take no part; outputs with a row per town keep theirs, with NULL results: feature ids %3.</source>
        <translation>%1：%2 个要素没有几何（NULL 或空），不参与计算；每个城镇一行的输出保留这些行，结果为 NULL：要素 ID %3。</translation>
    </message>
</context>
<context>
    <name>PoleaxisPlugin</name>
    <message>
        <source>Pole-Axis Planner</source>
        <translation>点轴规划</translation>
    </message>
    <message>
        <source>About Pole-Axis Planner…</source>
        <translation>关于点轴规划…</translation>
    </message>
    <message>
        <source>Open %1 from the Processing Toolbox: Python support is not available.</source>
        <translation>请从处理工具箱打开 %1：Python 支持不可用。</translation>
    </message>
    <message>
        <source>About Pole-Axis Planner</source>
        <translation>关于点轴规划</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pole-Axis Planner %1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;br&gt;Processing provider &lt;code&gt;poleaxis&lt;/code&gt;. Open the algorithms from the Processing Toolbox, this menu, the toolbar button, PyQGIS (processing.run) or qgis_process.</source>
        <translation>&lt;b&gt;点轴规划 %1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;br&gt;处理提供程序 &lt;code&gt;poleaxis&lt;/code&gt;。可从处理工具箱、本菜单、工具栏按钮、PyQGIS（processing.run）或 qgis_process 打开各算法。</translation>
    </message>
    <message>
        <source>Help…</source>
        <translation>帮助…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each algorithm&apos;s own help (formulas, parameters, units) is in its dialog and in &lt;code&gt;qgis_process.bin help poleaxis:&amp;lt;name&amp;gt;&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个算法自己的帮助（公式、参数、单位）见其对话框，或运行 &lt;code&gt;qgis_process.bin help poleaxis:&amp;lt;name&amp;gt;&lt;/code&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Styles, layout templates and the example model (Processing Toolbox ▸ Models) come with the plugin; the README describes methods, tests and benchmarks.&lt;/p&gt;</source>
        <translation>&lt;p&gt;样式、图幅模板和示例模型（处理工具箱 ▸ 模型）随插件提供；README 说明方法、测试和性能评测。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pole-Axis Planner help</source>
        <translation>点轴规划帮助</translation>
    </message>
</context>
<context>
    <name>PoleaxisProvider</name>
    <message>
        <source>Pole-Axis Planner</source>
        <translation>点轴规划</translation>
    </message>
    <message>
        <source>Pole-Axis Planner %1 (native C++)</source>
        <translation>点轴规划 %1（原生 C++）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot read the layout template %1 %2</source>
        <translation>无法读取图幅模板 %1 %2</translation>
    </message>
    <message>
        <source>the layout template %1 has no map item with the id &quot;map&quot;</source>
        <translation>图幅模板 %1 没有 id 为 &quot;map&quot; 的地图图元</translation>
    </message>
    <message>
        <source>Plan area</source>
        <translation>规划范围</translation>
    </message>
    <message>
        <source>bottom-right</source>
        <translation>右下角</translation>
    </message>
    <message>
        <source>bottom-left</source>
        <translation>左下角</translation>
    </message>
    <message>
        <source>top-right</source>
        <translation>右上角</translation>
    </message>
    <message>
        <source>top-left</source>
        <translation>左上角</translation>
    </message>
    <message>
        <source>INSET: in the %1 corner, over %2 of the %3 features drawn (%4 %)</source>
        <translation>INSET：位置图置于%1，遮挡所绘 %3 个要素中的 %2 个（%4%）</translation>
    </message>
    <message>
        <source>the layout has no map item with the id &quot;map&quot;</source>
        <translation>该布局没有 id 为 &quot;map&quot; 的地图项</translation>
    </message>
</context>
<context>
    <name>ServiceRadiiAlgorithm</name>
    <message>
        <source>Service radii</source>
        <translation>服务半径</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>service,radius,circle,buffer,geodesic,coverage,catchment,economic circle,half-hour,town,centre,服务半径,经济圈</source>
        <translation>service,radius,circle,buffer,geodesic,coverage,catchment,economic circle,half-hour,town,centre,服务半径,经济圈,缓冲区,覆盖,测地,半小时经济圈,城镇,中心</translation>
    </message>
    <message>
        <source>Draws true geodesic service circles around centres and reports the towns and population they cover.</source>
        <translation>以中心为圆心绘制真正的测地线服务圈，并统计其覆盖的城镇与人口。</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Radius from</source>
        <translation>半径依据</translation>
    </message>
    <message>
        <source>Fixed radius</source>
        <translation>固定半径</translation>
    </message>
    <message>
        <source>Radius field</source>
        <translation>半径字段</translation>
    </message>
    <message>
        <source>Level table</source>
        <translation>等级对照表</translation>
    </message>
    <message>
        <source>Travel time × speed</source>
        <translation>出行时间 × 速度</translation>
    </message>
    <message>
        <source>Power law a·P^b</source>
        <translation>幂函数 a·P^b</translation>
    </message>
    <message>
        <source>Radius (km)</source>
        <translation>半径（公里）</translation>
    </message>
    <message>
        <source>Radius field (km)</source>
        <translation>半径字段（公里）</translation>
    </message>
    <message>
        <source>Level field</source>
        <translation>等级字段</translation>
    </message>
    <message>
        <source>Level table (level=km;…)</source>
        <translation>等级对照表（等级=公里;…）</translation>
    </message>
    <message>
        <source>Travel time (minutes)</source>
        <translation>出行时间（分钟）</translation>
    </message>
    <message>
        <source>Speed (km/h)</source>
        <translation>速度（公里/小时）</translation>
    </message>
    <message>
        <source>Population field (power law)</source>
        <translation>人口字段（幂函数）</translation>
    </message>
    <message>
        <source>Power law a (km)</source>
        <translation>幂函数系数 a（公里）</translation>
    </message>
    <message>
        <source>Power law b</source>
        <translation>幂函数指数 b</translation>
    </message>
    <message>
        <source>Segments per circle</source>
        <translation>每个圆的分段数</translation>
    </message>
    <message>
        <source>Dissolve</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不融合</translation>
    </message>
    <message>
        <source>By level</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Study area</source>
        <translation>研究区</translation>
    </message>
    <message>
        <source>Demand points (e.g. towns)</source>
        <translation>需求点（如城镇）</translation>
    </message>
    <message>
        <source>Demand population field</source>
        <translation>需求点人口字段</translation>
    </message>
    <message>
        <source>Skip centres without a valid radius</source>
        <translation>跳过没有有效半径的中心</translation>
    </message>
    <message>
        <source>Service circles</source>
        <translation>服务圈</translation>
    </message>
    <message>
        <source>Gaps (study area not covered)</source>
        <translation>空白区（研究区内未覆盖部分）</translation>
    </message>
    <message>
        <source>Demand coverage</source>
        <translation>需求覆盖</translation>
    </message>
    <message>
        <source>Number of circles</source>
        <translation>服务圈数量</translation>
    </message>
    <message>
        <source>Demand points covered (%)</source>
        <translation>被覆盖需求点比例（%）</translation>
    </message>
    <message>
        <source>Demand points covered</source>
        <translation>被覆盖需求点数</translation>
    </message>
    <message>
        <source>Population covered</source>
        <translation>被覆盖人口</translation>
    </message>
    <message>
        <source>Population covered (%)</source>
        <translation>被覆盖人口比例（%）</translation>
    </message>
    <message>
        <source>Study area covered (%)</source>
        <translation>研究区覆盖率（%）</translation>
    </message>
    <message>
        <source>Reading centres</source>
        <translation>正在读取中心</translation>
    </message>
    <message>
        <source>Fix the value, filter those centres out, or tick Skip centres without a valid radius</source>
        <translation>请修正该值、筛除这些中心，或勾选“跳过没有有效半径的中心”</translation>
    </message>
    <message>
        <source>%1 centre(s) without a valid radius skipped: feature ids %2.</source>
        <translation>已跳过 %1 个没有有效半径的中心：要素编号 %2。</translation>
    </message>
    <message>
        <source>INPUT: no centre has both a geometry and a valid radius.</source>
        <translation>INPUT：没有任何中心同时具有几何和有效半径。</translation>
    </message>
    <message>
        <source>Reading study area</source>
        <translation>正在读取研究区</translation>
    </message>
    <message>
        <source>STUDY_AREA: the layer has no polygon with an area.</source>
        <translation>STUDY_AREA：该图层没有具有面积的多边形。</translation>
    </message>
    <message>
        <source>Reading demand points</source>
        <translation>正在读取需求点</translation>
    </message>
    <message numerus="yes">
        <source>%n demand point(s) with NULL population counted as 0.</source>
        <translation>
            <numerusform>%n 个需求点人口为空，按 0 计。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Building %n geodesic circle(s)</source>
        <translation>
            <numerusform>正在生成 %n 个测地线圆</numerusform>
        </translation>
    </message>
    <message>
        <source>Use a smaller radius or a projected polar layer for centres near the poles</source>
        <translation>对靠近两极的中心，请使用较小的半径或极地投影图层</translation>
    </message>
    <message>
        <source>Geometry engine error: %1</source>
        <translation>几何引擎错误：%1</translation>
    </message>
    <message>
        <source>Union: %1 circle(s) lie wholly inside neighbours, %2 trimmed; %3 of %4 vertices overlaid; %5 enclosed hole(s) filled.</source>
        <translation>合并：%1 个圆完全位于相邻圆内，%2 个被裁剪；参与叠加的顶点 %3 / %4；填补了 %5 个封闭空洞。</translation>
    </message>
    <message numerus="yes">
        <source>%n circle(s) lie wholly outside the study area and were left out.</source>
        <translation>
            <numerusform>%n 个圆完全位于研究区之外，已略去。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Study area %1 km², covered %2 km² (%3 %), %n gap(s).</source>
        <translation>
            <numerusform>研究区 %1 平方公里，已覆盖 %2 平方公里（%3 %），空白区 %n 处。</numerusform>
        </translation>
    </message>
    <message>
        <source>No study area given, so no gaps layer.</source>
        <translation>未提供研究区，因此不生成空白区图层。</translation>
    </message>
    <message>
        <source>Demand: %1 of %2 points covered (%3 %); population %4 of %5 (%6 %).</source>
        <translation>需求：%2 个点中有 %1 个被覆盖（%3 %）；人口 %5 中有 %4 被覆盖（%6 %）。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n service area(s).</source>
        <translation>
            <numerusform>已写出 %n 个服务区。</numerusform>
        </translation>
    </message>
    <message>
        <source>Network for travel time (lines, one or more layers)</source>
        <translation>出行时间网络（线路，一个或多个图层）</translation>
    </message>
    <message>
        <source>Draws a service circle around every centre (e.g. Jilin&apos;s half-hour economic circle of about 30 km). Circles are true geodesic circles on the WGS 84 ellipsoid: every vertex lies exactly r km from the centre along the ground, whatever the layer&apos;s CRS, and areas are ellipsoidal km². Output is written in the input CRS.

&lt;b&gt;Radius from&lt;/b&gt; (km):
- fixed: r = Radius;
- field: r = the centre&apos;s Radius field;
- level table: r = table[level], table written as level=km;… e.g. 1=30;2=15;3=8 (numeric levels match by value);
- travel time × speed: r = minutes ÷ 60 × km/h (30 min × 60 km/h = 30 km);
- power law: r = a·P^b from population P (a = 0.1, b = 0.5 gives 30 km for 90,000 people);
- network travel time: not a circle but what can be reached in Travel time minutes over the Network (lines at their speeds, km/h, from the speed field, or class=km/h in the speed table), plus the reach left off the network at the Access speed: a centre reaches the network at its nearest line (within the network snap distance) after snap km ÷ access speed; from every reached point of a line the time left t gives a disc of radius t × access speed; the area is their union (the reached lines themselves at least a narrow band). A demand point is covered when min(straight distance ÷ access speed, access + network minutes + its own access) ≤ the travel time, measured exactly on the graph; the demand output adds minutes (the fastest centre&apos;s time, NULL when none reaches the point within the travel time) and snap_km (its distance to the network); each area gets snap_km of its centre. Nothing unreachable is painted, unlike iso-areas interpolated between reached nodes.

&lt;b&gt;Segments&lt;/b&gt;: vertices per circle (72 = every 5°). The polygon is inscribed: its area is n/(2π)·sin(2π/n) of the circle&apos;s (99.87 % for 72).

&lt;b&gt;Dissolve&lt;/b&gt;: none (one circle per centre, with its attributes), by level (one area per value of the Level field) or all (one area). The union feeds the overlay only circle parts that can reach the boundary, then fills enclosed holes that a circle covers.

&lt;b&gt;Study area&lt;/b&gt; (optional polygons): circles are clipped to it and &lt;b&gt;Gaps&lt;/b&gt; receives the uncovered part, largest first.

&lt;b&gt;Demand&lt;/b&gt; (optional points, e.g. all towns) with an optional population field: a point is covered when its geodesic distance to a centre is at most that centre&apos;s radius. Outputs COVERED_PCT (% of demand points covered), DEMAND_COVERED, POP_COVERED, POP_COVERED_PCT, and per circle n_demand and pop_demand; the demand output adds n_cover (how many circles cover the point), near_fid and dist_km (nearest centre).

Circles that cross the antimeridian are split there; a circle that would contain a pole is refused. Centres without geometry are skipped and counted; a centre without a usable radius stops the run (or is skipped with Skip centres without a valid radius).</source>
        <translation>为每个中心绘制服务圈（例如吉林市约 30 公里的“半小时经济圈”）。服务圈是 WGS 84 椭球面上真正的测地线圆：无论图层使用何种坐标参考系，每个顶点沿地面到中心的距离都恰好为 r 公里，面积为椭球面积（平方公里）。输出采用输入图层的坐标参考系。

&lt;b&gt;半径依据&lt;/b&gt;（公里）：
- 固定半径：r = 半径；
- 半径字段：r = 中心的半径字段值；
- 等级对照表：r = 表[等级]，写作 等级=公里;… 例如 1=30;2=15;3=8（数值等级按数值匹配）；
- 出行时间 × 速度：r = 分钟 ÷ 60 × 公里/小时（30 分钟 × 60 公里/小时 = 30 公里）；
- 幂函数：由人口 P 计算 r = a·P^b（a = 0.1、b = 0.5 时，9 万人对应 30 公里）；
- 网络出行时间：不是圆，而是在出行时间（分钟）内经网络（各线路按其速度，公里/小时，取自速度字段或速度表 等级=公里/小时）可到达的范围，再加上以接驳速度离开网络后剩余时间可达的范围：中心在网络捕捉距离内接入最近线路，接入耗时 = 捕捉距离 ÷ 接驳速度；线路上每个可达点的剩余时间 t 给出半径 t × 接驳速度的圆，服务区为这些圆的并集（可达线路本身至少为一条窄带）。当 min(直线距离 ÷ 接驳速度, 接入时间 + 网络分钟 + 该点自身接入时间) ≤ 出行时间时需求点被覆盖，这一量在图上精确计算；需求覆盖输出增加 minutes（最快中心的时间，出行时间内无中心到达时为空）和 snap_km（到网络的距离）；每个服务区记录其中心的 snap_km。不可达的区域不会被涂色，这与在可达节点之间插值的等时面不同。

&lt;b&gt;分段数&lt;/b&gt;：每个圆的顶点数（72 即每 5° 一个）。多边形内接于圆，其面积为圆面积的 n/(2π)·sin(2π/n)（72 段时为 99.87 %）。

&lt;b&gt;融合&lt;/b&gt;：不融合（每个中心一个圆，保留其属性）、按等级（等级字段每个取值一个区域）或全部（一个区域）。合并时只将可能构成边界的圆弧部分送入叠加运算，再填补被某个圆覆盖的封闭空洞。

&lt;b&gt;研究区&lt;/b&gt;（可选，多边形）：服务圈被裁剪到研究区内，&lt;b&gt;空白区&lt;/b&gt;输出未覆盖部分，按面积从大到小排列。

&lt;b&gt;需求点&lt;/b&gt;（可选，点，例如全部城镇）及可选的人口字段：当需求点到某中心的测地距离不超过该中心的半径时，视为被覆盖。输出 COVERED_PCT（被覆盖需求点百分比）、DEMAND_COVERED、POP_COVERED、POP_COVERED_PCT，以及每个服务圈的 n_demand 和 pop_demand；需求覆盖输出增加 n_cover（覆盖该点的圆的个数）、near_fid 和 dist_km（最近中心）。

跨越 180° 经线的圆在该处拆分；包含极点的圆会被拒绝。没有几何的中心会被跳过并计数；没有可用半径的中心会使运行停止（勾选“跳过没有有效半径的中心”则跳过）。</translation>
    </message>
    <message>
        <source>Network travel time</source>
        <translation>网络出行时间</translation>
    </message>
    <message>
        <source>Access speed off the network (km/h)</source>
        <translation>网络以外的接驳速度（公里/小时）</translation>
    </message>
    <message>
        <source>Network snap distance (km)</source>
        <translation>网络捕捉距离（公里）</translation>
    </message>
    <message>
        <source>TRAVEL_MINUTES: %1 is not a travel time &gt; 0 minutes.</source>
        <translation>TRAVEL_MINUTES：%1 不是大于 0 分钟的出行时间。</translation>
    </message>
    <message>
        <source>ACCESS_SPEED_KMH: %1 km/h is not a speed &gt; 0. Give the speed off the network, e.g. 20 km/h on local roads.</source>
        <translation>ACCESS_SPEED_KMH：%1 公里/小时不是大于 0 的速度。请给出网络以外的速度，如地方道路 20 公里/小时。</translation>
    </message>
    <message>
        <source>NETWORK_SNAP_KM: %1 km is not a distance &gt;= 0.</source>
        <translation>NETWORK_SNAP_KM：%1 公里不是不小于 0 的距离。</translation>
    </message>
    <message>
        <source>Reading the network</source>
        <translation>读取网络</translation>
    </message>
    <message>
        <source>NETWORK: network travel time needs line layers (roads, rail) with speeds; give NETWORK.</source>
        <translation>NETWORK：网络出行时间需要带速度的线图层（公路、铁路）；请提供 NETWORK。</translation>
    </message>
    <message numerus="yes">
        <source>Travel-time areas of %n centre(s)</source>
        <translation>
            <numerusform>%n 个中心的出行时间服务区</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TownClustersAlgorithm</name>
    <message>
        <source>%1: feature %2 has %3; every town needs a number %4. Fill the field (Field Calculator) or filter those towns out.</source>
        <translation>%1：要素 %2 的值为 %3；每个城镇都需要 %4 的数值。请填写该字段（字段计算器）或筛除这些城镇。</translation>
    </message>
    <message>
        <source>Town groups (clustering)</source>
        <translation>城镇群（聚类）</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>城镇群</translation>
    </message>
    <message>
        <source>cluster,dbscan,hierarchical,linkage,ward,k-means,kmeans,louvain,community,gravity,hull,silhouette,城镇群,聚类,城镇组群</source>
        <translation>聚类,dbscan,层次聚类,连接,ward,k-means,kmeans,louvain,社区,引力,凸包,轮廓系数,城镇群,城镇组群</translation>
    </message>
    <message>
        <source>Groups towns into town groups by DBSCAN, hierarchical linkage, k-means++ or gravity-graph communities, with a polygon, lead town and population per group.</source>
        <translation>用 DBSCAN、层次聚类、k-means++ 或引力图社区把城镇分成城镇群，并给出每组的多边形、中心城镇和人口。</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>DBSCAN</source>
        <translation>DBSCAN（密度聚类）</translation>
    </message>
    <message>
        <source>Single linkage</source>
        <translation>单连接</translation>
    </message>
    <message>
        <source>Complete linkage</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>Average linkage</source>
        <translation>平均连接</translation>
    </message>
    <message>
        <source>Ward linkage</source>
        <translation>Ward 连接</translation>
    </message>
    <message>
        <source>k-means++</source>
        <translation>k-means++（k 均值）</translation>
    </message>
    <message>
        <source>Louvain (gravity graph)</source>
        <translation>Louvain（引力图社区）</translation>
    </message>
    <message>
        <source>DBSCAN: neighbourhood radius EPS (km)</source>
        <translation>DBSCAN：邻域半径 EPS（公里）</translation>
    </message>
    <message>
        <source>DBSCAN: minimum towns (weight) for a core</source>
        <translation>DBSCAN：核心所需最少城镇（权重）</translation>
    </message>
    <message>
        <source>DBSCAN: weight field (a town counts as several)</source>
        <translation>DBSCAN：权重字段（一个城镇可计为多个）</translation>
    </message>
    <message>
        <source>Linkage: cut distance (km)</source>
        <translation>层次聚类：切分距离（公里）</translation>
    </message>
    <message>
        <source>Number of groups K (k-means; linkage when &gt; 0)</source>
        <translation>组数 K（k-means；大于 0 时用于层次聚类）</translation>
    </message>
    <message>
        <source>Random seed (k-means, Louvain)</source>
        <translation>随机种子（k-means、Louvain）</translation>
    </message>
    <message>
        <source>k-means: maximum iterations</source>
        <translation>k-means：最大迭代次数</translation>
    </message>
    <message>
        <source>k-means: restarts</source>
        <translation>k-means：重启次数</translation>
    </message>
    <message>
        <source>Louvain: longest link (km)</source>
        <translation>Louvain：最长连接（公里）</translation>
    </message>
    <message>
        <source>Louvain: mass field</source>
        <translation>Louvain：质量字段</translation>
    </message>
    <message>
        <source>Louvain: distance exponent b</source>
        <translation>Louvain：距离指数 b</translation>
    </message>
    <message>
        <source>Louvain: resolution γ</source>
        <translation>Louvain：分辨率 γ</translation>
    </message>
    <message>
        <source>Snap distance to the network (km)</source>
        <translation>捕捉到网络的距离（公里）</translation>
    </message>
    <message>
        <source>Population field (pop_sum, lead town, centre)</source>
        <translation>人口字段（pop_sum、中心城镇、中心）</translation>
    </message>
    <message>
        <source>Group polygons</source>
        <translation>城镇群多边形</translation>
    </message>
    <message>
        <source>Convex hull</source>
        <translation>凸包</translation>
    </message>
    <message>
        <source>Concave hull</source>
        <translation>凹包</translation>
    </message>
    <message>
        <source>Footprint (discs around towns)</source>
        <translation>足迹（城镇周围的圆）</translation>
    </message>
    <message>
        <source>Concave hull: concavity (0 = tightest, 1 = convex)</source>
        <translation>凹包：凹度（0 最紧，1 为凸包）</translation>
    </message>
    <message>
        <source>Footprint disc radius (km)</source>
        <translation>足迹圆半径（公里）</translation>
    </message>
    <message>
        <source>Working CRS for Ward, k-means and hulls (blank: automatic)</source>
        <translation>Ward、k-means 和包络的工作坐标系（空白：自动）</translation>
    </message>
    <message>
        <source>Towns with group</source>
        <translation>带城镇群的城镇</translation>
    </message>
    <message>
        <source>Town groups</source>
        <translation>城镇群</translation>
    </message>
    <message>
        <source>Number of groups</source>
        <translation>组数</translation>
    </message>
    <message>
        <source>Silhouette score</source>
        <translation>轮廓系数</translation>
    </message>
    <message>
        <source>EPS: %1 km; the radius must be &gt; 0.</source>
        <translation>EPS：%1 公里；半径必须大于 0。</translation>
    </message>
    <message>
        <source>MIN_POINTS: %1; it must be &gt; 0.</source>
        <translation>MIN_POINTS：%1；必须大于 0。</translation>
    </message>
    <message>
        <source>CUT_DISTANCE: %1 km; give a cut distance &gt; 0 or K &gt; 0.</source>
        <translation>CUT_DISTANCE：%1 公里；请给出大于 0 的切分距离或大于 0 的 K。</translation>
    </message>
    <message>
        <source>K: k-means needs the number of groups; set K to 1 or more.</source>
        <translation>K：k-means 需要组数；请把 K 设为 1 或更大。</translation>
    </message>
    <message>
        <source>MAX_LINK_KM: the longest link must be &gt; 0 km.</source>
        <translation>MAX_LINK_KM：最长连接必须大于 0 公里。</translation>
    </message>
    <message>
        <source>RESOLUTION: γ must be &gt; 0.</source>
        <translation>RESOLUTION：γ 必须大于 0。</translation>
    </message>
    <message>
        <source>EXPONENT: b must be &gt;= 0.</source>
        <translation>EXPONENT：b 必须不小于 0。</translation>
    </message>
    <message>
        <source>FOOTPRINT_KM: the disc radius must be &gt; 0 km.</source>
        <translation>FOOTPRINT_KM：圆半径必须大于 0 公里。</translation>
    </message>
    <message>
        <source>LINES: network distances work with DBSCAN and single, complete or average linkage; Ward and k-means need Euclidean coordinates. Clear LINES or choose another method.</source>
        <translation>LINES：网络距离适用于 DBSCAN 以及单、全、平均连接；Ward 和 k-means 需要欧氏坐标。请清空 LINES 或选择其他方法。</translation>
    </message>
    <message>
        <source>Reading towns</source>
        <translation>正在读取城镇</translation>
    </message>
    <message numerus="yes">
        <source>INPUT: %n town(s) with a position; grouping needs at least 2.</source>
        <translation>
            <numerusform>INPUT：只有 %n 个有位置的城镇；分组至少需要 2 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>K: %1 groups asked for but there are only %2 towns.</source>
        <translation>K：要求 %1 组，但只有 %2 个城镇。</translation>
    </message>
    <message>
        <source>POP_FIELD: %1 town(s) with NULL or negative population count as 0: feature ids %2.</source>
        <translation>POP_FIELD：%1 个城镇人口为 NULL 或负数，按 0 计：要素 ID %2。</translation>
    </message>
    <message>
        <source>the towns&apos; extent</source>
        <translation>城镇的范围</translation>
    </message>
    <message>
        <source>INPUT: the layer&apos;s CRS %1 has no distance unit; reproject the towns to a projected CRS in metres or to WGS 84.</source>
        <translation>INPUT：图层坐标系 %1 没有距离单位；请把城镇重投影到以米为单位的投影坐标系或 WGS 84。</translation>
    </message>
    <message>
        <source>Distances: planar metres.</source>
        <translation>距离：平面米。</translation>
    </message>
    <message>
        <source>Distances: geodesic on the WGS 84 ellipsoid.</source>
        <translation>距离：WGS 84 椭球面测地线。</translation>
    </message>
    <message>
        <source>Building the network</source>
        <translation>正在构建网络</translation>
    </message>
    <message>
        <source>%1 town(s) farther than %2 km from every line stay ungrouped or alone: feature ids %3.</source>
        <translation>%1 个城镇距所有线都超过 %2 公里，不分组或自成一组：要素 ID %3。</translation>
    </message>
    <message>
        <source>DBSCAN, eps %1 km, min %2</source>
        <translation>DBSCAN，eps %1 公里，最少 %2</translation>
    </message>
    <message>
        <source>Single linkage by minimum spanning tree</source>
        <translation>以最小生成树计算单连接</translation>
    </message>
    <message>
        <source>k-means: inertia %1 km², %2 iteration(s) in the best run.</source>
        <translation>k-means：最佳一次的惯性 %1 平方公里，迭代 %2 次。</translation>
    </message>
    <message>
        <source>Gravity graph: %1 links within %2 km</source>
        <translation>引力图：%2 公里内 %1 条连接</translation>
    </message>
    <message>
        <source>Louvain: modularity %1 after %2 level(s).</source>
        <translation>Louvain：%2 层后模块度 %1。</translation>
    </message>
    <message>
        <source>%1 group(s); %2 town(s) ungrouped.</source>
        <translation>%1 个城镇群；%2 个城镇未分组。</translation>
    </message>
    <message>
        <source>Silhouette score %1 (all %2 grouped towns).</source>
        <translation>轮廓系数 %1（全部 %2 个已分组城镇）。</translation>
    </message>
    <message>
        <source>Silhouette score %1 (a seeded sample of %2 grouped towns).</source>
        <translation>轮廓系数 %1（已分组城镇中 %2 个的带种子样本）。</translation>
    </message>
    <message>
        <source>Silhouette score undefined: fewer than 2 groups, or every town alone.</source>
        <translation>轮廓系数无定义：少于 2 组，或每个城镇自成一组。</translation>
    </message>
    <message>
        <source>Line network for network distances (DBSCAN, linkage; one or more layers)</source>
        <translation>用于网络距离的线网（DBSCAN、层次聚类；一个或多个图层）</translation>
    </message>
    <message>
        <source>SNAP_KM: %1 km is not a distance &gt;= 0.</source>
        <translation>SNAP_KM：%1 公里不是不小于 0 的距离。</translation>
    </message>
    <message>
        <source>Distances are km along the lines.</source>
        <translation>距离为沿线路的公里数。</translation>
    </message>
    <message>
        <source>Ward linkage by nearest-neighbour chain over centroids (no distance matrix)</source>
        <translation>Ward 连接：基于类中心的最近邻链（无距离矩阵）</translation>
    </message>
    <message>
        <source>FOOTPRINT_KM: %1 km is wider than the towns&apos; extent (%2 km across); discs of %3 km are drawn instead.</source>
        <translation>FOOTPRINT_KM：%1 公里超过了城镇的范围（跨度 %2 公里）；改为绘制 %3 公里的圆。</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>全</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Use single linkage (a spanning tree) or Ward (a centroid chain), which need no matrix, or DBSCAN or k-means; or group fewer towns, or free memory.</source>
        <translation>请改用单连接（最小生成树）或 Ward（类中心链），两者都不需要矩阵，或用 DBSCAN、k-means；或减少城镇数量，或释放内存。</translation>
    </message>
    <message>
        <source>Distance matrix: %1</source>
        <translation>距离矩阵：%1</translation>
    </message>
    <message>
        <source>%1 linkage of %2 towns holds an n² distance matrix, which even in float32</source>
        <translation>%2 个城镇的%1连接法需要 n² 距离矩阵，即使以 float32 存储也</translation>
    </message>
    <message>
        <source>Distance matrix in float32: %1 (float64 would need %2, more than the memory available)</source>
        <translation>距离矩阵以 float32 存储：%1（float64 需要 %2，超出可用内存）</translation>
    </message>
    <message>
        <source>float32: none of the %1 nearest-neighbour choices came within rounding of its runner-up, so the merges are those of a float64 run (heights to 7 digits).</source>
        <translation>float32：%1 次最近邻选择中没有一次与次近者相差在舍入误差以内，因此合并与 float64 运行完全相同（高度精确到 7 位有效数字）。</translation>
    </message>
    <message>
        <source>float32: %1 of the %2 nearest-neighbour choices came within rounding of their runner-up (their distances equal to within float32 rounding); at those the merges may differ from a float64 run&apos;s. Free memory for float64 to be sure.</source>
        <translation>float32：%2 次最近邻选择中有 %1 次与次近者相差在舍入误差以内（距离在 float32 精度内相等）；这些位置的合并可能与 float64 运行不同。如需确定，请释放内存以使用 float64。</translation>
    </message>
    <message>
        <source>Organises towns into town groups (城镇群), the third element of the pole-axis plan.

&lt;b&gt;Distances&lt;/b&gt;: on a geographic layer (or a projected one that distorts distances by more than 2 % over the towns, such as Web Mercator), geodesic km on the WGS 84 ellipsoid (DBSCAN, single, complete, average); Ward and k-means need Euclidean coordinates and work in a projected working CRS (given, or chosen automatically and logged with its scale error). On a projected layer, planar distances in its CRS. With a Line network (DBSCAN and single/complete/average), distances are shortest-path km along the lines; towns are joined to the nearest line within the snap distance, towns farther away stay ungrouped (DBSCAN) or alone.

&lt;b&gt;Methods&lt;/b&gt;
• DBSCAN: a town is a core when the towns within EPS km (itself included) weigh at least MIN_POINTS (weights from Weight field, like scikit-learn&apos;s sample_weight; 1 each without); groups grow from cores; towns reached by no core are noise (group_id NULL).
• Single / complete / average / Ward linkage: agglomerative clustering (SciPy&apos;s linkage), cut at CUT_DISTANCE km (merge height; for Ward the Ward distance in km), or into K groups when K &gt; 0. Single linkage uses a minimum spanning tree and Ward a nearest-neighbour chain over cluster centroids (no distance matrix, any n; 200,000 towns in seconds); complete and average hold an n² matrix, in float64 (8 bytes per pair, SciPy&apos;s arithmetic: 1.6 GB for 20,000 towns, 6.4 GB for 40,000) when that fits in 85 % of the memory available (MemAvailable, or the POLEAXIS_MEMORY_LIMIT_MB environment variable), else in float32 (half that), where every nearest-neighbour choice is checked against float32 rounding and near ties are reported in the log; when even float32 does not fit, the run is refused up front with the size it needs.
• k-means: K groups by Lloyd&apos;s algorithm from k-means++ seeds; RESTARTS runs with seeds SEED, SEED+1, …, the lowest sum of squared distances wins; the same SEED gives the same groups.
• Louvain: towns within MAX_LINK_KM are linked with weight M_i·M_j / d_ij^b (masses from Mass field, 1 without; d in km, at least 1 km; b = EXPONENT); communities maximise modularity Q = Σ_c [L_c/m − γ(d_c/2m)²] with resolution γ = RESOLUTION (larger: more, smaller groups), seeded by SEED.

&lt;b&gt;Group polygons&lt;/b&gt;: convex hull, concave hull (GEOS; CONCAVITY 0 = tightest, 1 = convex) or footprint (union of FOOTPRINT_KM discs around the towns, geodesic on geographic layers). Groups of 1–2 towns, or towns on one line, get the footprint. Fields: group_id, n_towns, pop_sum (Population field), area_km2 (ellipsoidal), lead_fid and lead_name (most populous town; without population, the town nearest the centre), cen_x/cen_y (population-weighted centre, layer CRS) and colour (0, 1, …: groups closer than the footprint distance differ).

&lt;b&gt;Towns&lt;/b&gt; output: the input fields plus group_id (1 = the group with most towns) and is_core (DBSCAN core town; 1 for every grouped town in other methods).

&lt;b&gt;Silhouette&lt;/b&gt; s = mean of (b − a)/max(a, b) over grouped towns (a: mean distance within the group, b: to the nearest other group; noise left out), on the distances above (geodesic for network runs); exact up to 2,000 grouped towns; above, a seeded sample of up to 2,000 (down to 200 when the groups are very large, so the score takes about a second), each scored against all towns. Reported in the log with the sample size and as the SILHOUETTE output (NULL with fewer than 2 groups).</source>
        <translation>把城镇组织成城镇群，即点轴规划的第三要素。

&lt;b&gt;距离&lt;/b&gt;：地理坐标图层上（以及在城镇范围内距离变形超过 2 % 的投影图层上，如 Web 墨卡托）为 WGS 84 椭球面测地线公里（DBSCAN、单连接、全连接、平均连接）；Ward 与 k-means 需要欧氏坐标，在投影工作坐标系中计算（指定的，或自动选择并在日志中记录尺度误差）。能如实度量地面距离的投影图层上为其坐标系中的平面距离。给定线网时（DBSCAN 和单/全/平均连接），距离为沿线的最短路径公里；城镇接到捕捉距离内最近的线，更远的城镇不分组（DBSCAN）或自成一组。

&lt;b&gt;方法&lt;/b&gt;
• DBSCAN：EPS 公里内的城镇（含自身）权重之和不少于 MIN_POINTS 时该城镇为核心（权重来自权重字段，同 scikit-learn 的 sample_weight；无字段时每个为 1）；城镇群由核心扩展；任何核心都达不到的城镇为噪声（group_id 为 NULL）。
• 单 / 全 / 平均 / Ward 连接：凝聚层次聚类（同 SciPy 的 linkage），在 CUT_DISTANCE 公里处切分（合并高度；Ward 为 Ward 距离，公里），或 K &gt; 0 时切成 K 组。单连接使用最小生成树，Ward 使用基于类中心的最近邻链（均无距离矩阵，任意 n；20 万个城镇只需数秒）；全连接与平均连接保存 n² 矩阵：可用内存（MemAvailable，或环境变量 POLEAXIS_MEMORY_LIMIT_MB）的 85% 容得下时用 float64（每对 8 字节，同 SciPy 的运算：20,000 个城镇 1.6 GB，40,000 个 6.4 GB），否则用 float32（减半），此时每次最近邻选择都按 float32 舍入误差检查，接近相等的情况在日志中报告；float32 也放不下时，在开始前拒绝运行并给出所需大小。
• k-means：从 k-means++ 种子出发用 Lloyd 算法分成 K 组；以种子 SEED、SEED+1、… 运行 RESTARTS 次，取平方距离和最小者；相同 SEED 得到相同结果。
• Louvain：MAX_LINK_KM 内的城镇以权重 M_i·M_j / d_ij^b 相连（质量来自质量字段，无字段时为 1；d 以公里计，至少 1 公里；b = EXPONENT）；社区使模块度 Q = Σ_c [L_c/m − γ(d_c/2m)²] 最大，分辨率 γ = RESOLUTION（越大组越多越小），随机种子 SEED。

&lt;b&gt;城镇群多边形&lt;/b&gt;：凸包、凹包（GEOS；CONCAVITY 0 最紧，1 为凸包）或足迹（城镇周围 FOOTPRINT_KM 圆的并集，地理图层上为测地圆）。1–2 个城镇或共线城镇的组使用足迹。字段：group_id、n_towns、pop_sum（人口字段）、area_km2（椭球面）、lead_fid 与 lead_name（人口最多的城镇；无人口时为最靠近中心的城镇）、cen_x/cen_y（人口加权中心，图层坐标系）和 colour（0、1、…：距离小于足迹半径的组颜色不同）。

&lt;b&gt;城镇&lt;/b&gt;输出：输入字段加 group_id（1 = 城镇最多的组）和 is_core（DBSCAN 核心城镇；其他方法中每个已分组城镇为 1）。

&lt;b&gt;轮廓系数&lt;/b&gt; s = 已分组城镇 (b − a)/max(a, b) 的平均值（a：组内平均距离，b：到最近其他组的平均距离；噪声不计），使用上述距离（网络运行时用测地线距离）；已分组城镇不超过 2,000 个时精确计算；更多时取最多 2,000 个的带种子样本（组很大时减至不少于 200 个，使计算约一秒），每个样本城镇仍对全部城镇计算。在日志中报告（含样本数），并作为 SILHOUETTE 输出（少于 2 组时为 NULL）。</translation>
    </message>
</context>
<context>
    <name>TownFunctionsAlgorithm</name>
    <message>
        <source>Town functions</source>
        <translation>城镇职能</translation>
    </message>
    <message>
        <source>Poles</source>
        <translation>增长极</translation>
    </message>
    <message>
        <source>function,type,nelson,location quotient,LQ,specialisation,transport hub,junction,城镇职能,职能类型,交通枢纽</source>
        <translation>function,type,nelson,location quotient,LQ,specialisation,transport hub,junction,城镇职能,职能类型,交通枢纽,纳尔逊,区位商</translation>
    </message>
    <message>
        <source>Classifies towns by function (industrial, eco-tourism, historic-cultural, trade-logistics, modern agriculture, transport hub).</source>
        <translation>按职能划分城镇类型（工业主导、生态旅游、历史文化、商贸流通、现代农业、交通枢纽）。</translation>
    </message>
    <message>
        <source>Says what each town is for, with the six town types of the Jilin guidance: industrial (工业主导型), eco-tourism (生态旅游型), historic-cultural (历史文化型), trade-logistics (商贸流通型), modern agriculture (现代农业型) and transport hub (交通枢纽型); towns with none are general (综合型).

&lt;b&gt;Sector fields&lt;/b&gt;: employment or output per sector (≥ 0; NULL counts as 0). &lt;b&gt;Sector types&lt;/b&gt; maps each field to a type, field=type;… (ids like industrial, eco_tourism, or the Chinese names); a field named after a type needs no entry.

&lt;b&gt;Nelson&lt;/b&gt;: share x = 100·E_is/E_i (%) of sector s in town i; a town qualifies for s when x &gt; mean_s + k·sd_s over all towns (k default 1); its score is (x − mean_s)/sd_s.
&lt;b&gt;Location quotient&lt;/b&gt;: LQ = (E_is/E_i)/(E_s/E); a town qualifies when LQ &gt; the minimum (default 1.5).
The dominant type is the qualifying sector with the highest score.

&lt;b&gt;Transport hubs&lt;/b&gt; from Lines (rail, highways): a town within Hub distance (km, default 10) of a node where at least 3 line ends meet (ends within Snap distance are one node), of a point where lines of different classes cross (Class field, e.g. rail × highway), or with at least Minimum lines distinct lines within Hub distance. Distances are km on the WGS 84 ellipsoid. A hub with no sector type is typed transport_hub.

Output: the towns with type (dominant id), type_en, type_zh, types (all that qualify, &apos;;&apos;-joined), is_hub, hub_why (junction/crossing/lines), lines_near and a score per sector field (s_&lt;field&gt;).</source>
        <translation>按吉林省指导意见中的六种城镇类型说明各城镇的职能：工业主导型、生态旅游型、历史文化型、商贸流通型、现代农业型和交通枢纽型；不属于其中任何一类的为综合型。

&lt;b&gt;行业字段&lt;/b&gt;：各行业的就业或产值（≥ 0；空值按 0 计）。&lt;b&gt;行业类型&lt;/b&gt;将每个字段对应到一种类型，写作 字段=类型;…（可用 industrial、eco_tourism 等编号或中文名称）；以类型命名的字段无需填写。

&lt;b&gt;纳尔逊法&lt;/b&gt;：行业 s 在城镇 i 中的比重 x = 100·E_is/E_i（%）；当 x &gt; 均值_s + k·标准差_s（全部城镇，k 默认为 1）时该城镇具有 s 职能，得分为 (x − 均值_s)/标准差_s。
&lt;b&gt;区位商法&lt;/b&gt;：LQ = (E_is/E_i)/(E_s/E)；LQ 大于下限（默认 1.5）时具有该职能。
主导类型为得分最高的合格行业。

&lt;b&gt;交通枢纽&lt;/b&gt;依据线路（铁路、公路）识别：城镇位于枢纽距离（公里，默认 10）以内存在至少 3 个线路端点交汇的节点（捕捉距离内的端点视为同一节点），或存在不同等级线路（等级字段，如铁路 × 公路）的交叉点，或枢纽距离内有至少“最少线路条数”条不同线路。距离为 WGS 84 椭球面上的公里数。没有行业类型的枢纽城镇记为 transport_hub。

输出：城镇及 type（主导类型编号）、type_en、type_zh、types（所有合格类型，以“;”连接）、is_hub、hub_why（junction/crossing/lines）、lines_near，以及每个行业字段的得分 s_&lt;字段&gt;。</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>Sector fields (employment or output)</source>
        <translation>行业字段（就业或产值）</translation>
    </message>
    <message>
        <source>Sector types (field=type;…)</source>
        <translation>行业类型（字段=类型;…）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Nelson</source>
        <translation>纳尔逊法</translation>
    </message>
    <message>
        <source>Location quotient</source>
        <translation>区位商法</translation>
    </message>
    <message>
        <source>Nelson k (standard deviations)</source>
        <translation>纳尔逊 k（标准差倍数）</translation>
    </message>
    <message>
        <source>Minimum location quotient</source>
        <translation>区位商下限</translation>
    </message>
    <message>
        <source>Lines for transport hubs (rail, highways)</source>
        <translation>用于识别交通枢纽的线路（铁路、公路）</translation>
    </message>
    <message>
        <source>Line class field (rail, highway…)</source>
        <translation>线路等级字段（铁路、公路…）</translation>
    </message>
    <message>
        <source>Hub distance (km)</source>
        <translation>枢纽距离（公里）</translation>
    </message>
    <message>
        <source>Minimum distinct lines near a hub</source>
        <translation>枢纽附近最少线路条数</translation>
    </message>
    <message>
        <source>Snap distance for line ends (km)</source>
        <translation>线路端点捕捉距离（公里）</translation>
    </message>
    <message>
        <source>Number of transport hubs</source>
        <translation>交通枢纽数量</translation>
    </message>
    <message>
        <source>SECTOR_FIELDS: choose sector fields, or give LINES to find transport hubs.</source>
        <translation>SECTOR_FIELDS：请选择行业字段，或提供 LINES 以识别交通枢纽。</translation>
    </message>
    <message>
        <source>SECTOR_TYPES: &apos;%1&apos; is not one of the SECTOR_FIELDS.</source>
        <translation>SECTOR_TYPES：“%1”不在 SECTOR_FIELDS 中。</translation>
    </message>
    <message>
        <source>SECTOR_TYPES: field &apos;%1&apos;: %2</source>
        <translation>SECTOR_TYPES：字段“%1”：%2</translation>
    </message>
    <message>
        <source>HUB_DISTANCE: %1 km is not positive.</source>
        <translation>HUB_DISTANCE：%1 公里不是正数。</translation>
    </message>
    <message>
        <source>SNAP_KM: %1 km is negative.</source>
        <translation>SNAP_KM：%1 公里为负数。</translation>
    </message>
    <message>
        <source>Reading towns</source>
        <translation>正在读取城镇</translation>
    </message>
    <message>
        <source>INPUT: no town has a geometry.</source>
        <translation>INPUT：没有任何城镇具有几何。</translation>
    </message>
    <message numerus="yes">
        <source>%n NULL sector value(s) counted as 0.</source>
        <translation>
            <numerusform>%n 个空的行业数值按 0 计。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sector values must be numbers &gt;= 0</source>
        <translation>行业数值必须是不小于 0 的数</translation>
    </message>
    <message numerus="yes">
        <source>%n town(s) have 0 in every sector: no sector type.</source>
        <translation>
            <numerusform>%n 个城镇各行业均为 0：无行业类型。</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding transport hubs</source>
        <translation>正在识别交通枢纽</translation>
    </message>
    <message>
        <source>LINES: the layer has no line with a length.</source>
        <translation>LINES：该图层没有长度大于 0 的线。</translation>
    </message>
    <message>
        <source>LINES: %1 feature(s) without geometry and %2 zero-length part(s) ignored.</source>
        <translation>LINES：忽略了 %1 个没有几何的要素和 %2 个零长度部分。</translation>
    </message>
    <message>
        <source>%1 junction node(s), %2 class crossing(s).</source>
        <translation>%1 个交汇节点，%2 个不同等级线路的交叉点。</translation>
    </message>
    <message numerus="yes">
        <source>%n transport hub(s).</source>
        <translation>
            <numerusform>%n 个交通枢纽。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TownHierarchyAlgorithm</name>
    <message>
        <source>Town hierarchy and growth poles</source>
        <translation>城镇等级与增长极</translation>
    </message>
    <message>
        <source>Poles</source>
        <translation>增长极</translation>
    </message>
    <message>
        <source>hierarchy,rank,score,entropy weight,jenks,natural breaks,growth pole,centrality,zipf,rank-size,primacy,gini,城镇等级,增长极,熵权</source>
        <translation>hierarchy,rank,score,entropy weight,jenks,natural breaks,growth pole,centrality,zipf,rank-size,primacy,gini,城镇等级,增长极,熵权,自然断点,位序规模,首位度,基尼系数</translation>
    </message>
    <message>
        <source>Ranks towns by a weighted composite score, splits them into levels and picks growth poles, with a rank-size report.</source>
        <translation>以加权综合得分对城镇排序、划分等级并选取增长极，并生成位序-规模报告。</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>Indicator fields</source>
        <translation>指标字段</translation>
    </message>
    <message>
        <source>Cost fields (less is better)</source>
        <translation>成本型字段（越小越好）</translation>
    </message>
    <message>
        <source>Weighting</source>
        <translation>赋权方法</translation>
    </message>
    <message>
        <source>Entropy weight method</source>
        <translation>熵权法</translation>
    </message>
    <message>
        <source>Equal</source>
        <translation>等权</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Custom weights (field=weight;…)</source>
        <translation>自定义权重（字段=权重;…）</translation>
    </message>
    <message>
        <source>Normalisation</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>Min-max</source>
        <translation>极差标准化</translation>
    </message>
    <message>
        <source>Z-score</source>
        <translation>Z 分数标准化</translation>
    </message>
    <message>
        <source>Lines for accessibility (rail, highways)</source>
        <translation>用于可达性的线路（铁路、公路）</translation>
    </message>
    <message>
        <source>Pole field (true = always a pole)</source>
        <translation>增长极字段（为真时必为增长极）</translation>
    </message>
    <message>
        <source>Number of levels</source>
        <translation>等级数</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <source>Jenks natural breaks</source>
        <translation>Jenks 自然断点</translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>Head/tail breaks</source>
        <translation>头尾断点</translation>
    </message>
    <message>
        <source>Fixed thresholds</source>
        <translation>固定阈值</translation>
    </message>
    <message>
        <source>Fixed score thresholds (t1;t2;…)</source>
        <translation>固定得分阈值（t1;t2;…）</translation>
    </message>
    <message>
        <source>Growth poles</source>
        <translation>增长极</translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>最高等级</translation>
    </message>
    <message>
        <source>Top N</source>
        <translation>前 N 名</translation>
    </message>
    <message>
        <source>Score threshold</source>
        <translation>得分阈值</translation>
    </message>
    <message>
        <source>N (top N)</source>
        <translation>N（前 N 名）</translation>
    </message>
    <message>
        <source>Population field (rank-size report)</source>
        <translation>人口字段（位序-规模报告）</translation>
    </message>
    <message>
        <source>Towns with NULL indicators</source>
        <translation>指标为空的城镇</translation>
    </message>
    <message>
        <source>Skip and count</source>
        <translation>跳过并计数</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝运行</translation>
    </message>
    <message>
        <source>Town hierarchy</source>
        <translation>城镇等级</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>Zipf exponent q</source>
        <translation>齐夫指数 q</translation>
    </message>
    <message>
        <source>Rank-size R²</source>
        <translation>位序-规模 R²</translation>
    </message>
    <message>
        <source>Primacy S2</source>
        <translation>首位度 S2</translation>
    </message>
    <message>
        <source>Four-city index S4</source>
        <translation>四城市指数 S4</translation>
    </message>
    <message>
        <source>Eleven-city index S11</source>
        <translation>十一城市指数 S11</translation>
    </message>
    <message>
        <source>Gini coefficient</source>
        <translation>基尼系数</translation>
    </message>
    <message>
        <source>Number of growth poles</source>
        <translation>增长极数量</translation>
    </message>
    <message>
        <source>Report (JSON)</source>
        <translation>报告（JSON）</translation>
    </message>
    <message>
        <source>COST_FIELDS: &apos;%1&apos; is not one of the indicator FIELDS.</source>
        <translation>COST_FIELDS：“%1”不是指标字段 FIELDS 之一。</translation>
    </message>
    <message>
        <source>Reading towns</source>
        <translation>正在读取城镇</translation>
    </message>
    <message>
        <source>%1 town(s) with NULL indicators left unscored: feature ids %2.</source>
        <translation>%1 个城镇的指标为空，未计算得分：要素编号 %2。</translation>
    </message>
    <message>
        <source>Measuring distance to the nearest line</source>
        <translation>正在测量到最近线路的距离</translation>
    </message>
    <message>
        <source>LINES: the layer has no line with a length.</source>
        <translation>LINES：该图层没有长度大于 0 的线。</translation>
    </message>
    <message>
        <source>THRESHOLDS: &apos;%1&apos; is not a number; write ascending scores like 0.2;0.5;0.8.</source>
        <translation>THRESHOLDS：“%1”不是数字；请按升序填写得分，如 0.2;0.5;0.8。</translation>
    </message>
    <message>
        <source>THRESHOLDS: fixed classification needs thresholds like 0.2;0.5;0.8.</source>
        <translation>THRESHOLDS：固定阈值分级需要阈值，如 0.2;0.5;0.8。</translation>
    </message>
    <message>
        <source>LEVELS: a hierarchy needs at least 2 levels, got %1.</source>
        <translation>LEVELS：等级至少为 2，当前为 %1。</translation>
    </message>
    <message>
        <source>LEVELS: %1 scored town(s) cannot fill %2 levels. Use fewer levels.</source>
        <translation>LEVELS：%1 个有得分的城镇不足以划分 %2 个等级。请减少等级数。</translation>
    </message>
    <message>
        <source>TOP_N: N must be at least 1, got %1.</source>
        <translation>TOP_N：N 至少为 1，当前为 %1。</translation>
    </message>
    <message>
        <source>Indicator &apos;%1&apos; has the same value in every town: weight 0.</source>
        <translation>指标“%1”在所有城镇取值相同：权重为 0。</translation>
    </message>
    <message>
        <source>No rank-size fit: %1</source>
        <translation>未进行位序-规模拟合：%1</translation>
    </message>
    <message>
        <source>Rank-size: %1 town(s) with %2 = 0 (unknown) left out of the fit.</source>
        <translation>位序-规模：%1 个城镇的 %2 为 0（未知），未参与拟合。</translation>
    </message>
    <message>
        <source>Weights: %1</source>
        <translation>权重：%1</translation>
    </message>
    <message>
        <source>level %1: %2 town(s), score up to %3</source>
        <translation>等级 %1：%2 个城镇，得分不超过 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n growth pole(s).</source>
        <translation>
            <numerusform>%n 个增长极。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rank-size on %1: q = %2, R² = %3, S2 = %4, Gini = %5.</source>
        <translation>%1 的位序-规模：q = %2，R² = %3，S2 = %4，基尼系数 = %5。</translation>
    </message>
    <message>
        <source>Town hierarchy — %1</source>
        <translation>城镇等级——%1</translation>
    </message>
    <message>
        <source>Every town of the pole level</source>
        <translation>增长极等级的全部城镇</translation>
    </message>
    <message>
        <source>Pole level</source>
        <translation>增长极等级</translation>
    </message>
    <message>
        <source>Level from field (administrative kind)</source>
        <translation>等级取自字段（行政类别）</translation>
    </message>
    <message>
        <source>Level map (kind=level;…)</source>
        <translation>等级对照表（类别=等级;…）</translation>
    </message>
    <message>
        <source>Nominal population per level (level=people;…)</source>
        <translation>各等级名义人口（等级=人口;…）</translation>
    </message>
    <message>
        <source>FIELDS: choose at least one indicator field (or give LINES to rank by accessibility, or a LEVEL_FIELD for levels from the administrative kind).</source>
        <translation>FIELDS：请至少选择一个指标字段（或提供 LINES 按可达性排序，或提供 LEVEL_FIELD 按行政类别定级）。</translation>
    </message>
    <message>
        <source>LEVEL_MAP: feature %1 has kind &apos;%2&apos;, which is not in the level map. Add %2=&lt;level&gt; to LEVEL_MAP, e.g. %2=4.</source>
        <translation>LEVEL_MAP：要素 %1 的类别为“%2”，不在等级对照表中。请在 LEVEL_MAP 中添加 %2=&lt;等级&gt;，如 %2=4。</translation>
    </message>
    <message>
        <source>LEVEL_MAP: level %1 of kind &apos;%2&apos; is not a whole number &gt;= 1.</source>
        <translation>LEVEL_MAP：类别“%2”的等级 %1 不是不小于 1 的整数。</translation>
    </message>
    <message>
        <source>SCORE_MIN: %1 is not a number.</source>
        <translation>SCORE_MIN：%1 不是数值。</translation>
    </message>
    <message>
        <source>LEVEL_MASS: level %1 has no nominal population &gt; 0, and feature %2 has no population. Add %1=&lt;people&gt; to LEVEL_MASS.</source>
        <translation>LEVEL_MASS：等级 %1 没有大于 0 的名义人口，而要素 %2 没有人口。请在 LEVEL_MASS 中添加 %1=&lt;人口&gt;。</translation>
    </message>
    <message>
        <source>level %1: %2 town(s)</source>
        <translation>第 %1 级：%2 个城镇</translation>
    </message>
    <message>
        <source>levels from %1</source>
        <translation>按 %1 定级</translation>
    </message>
    <message>
        <source>Ranks towns into a hierarchy (中心城市 → 县城 → 重点镇 → 一般镇) and picks growth poles (增长极).

&lt;b&gt;Indicators&lt;/b&gt;: numeric fields (population, GDP, revenue, built-up area…); fields listed in Cost fields count as costs (less is better). With Lines (rail, highways) the distance from each town to the nearest line, in km on the WGS 84 ellipsoid, is added as the cost indicator access_km.

&lt;b&gt;Normalisation&lt;/b&gt;: min-max x&apos; = (x − min)/(max − min), or (max − x)/(max − min) for costs; or z-score x&apos; = ±(x − mean)/sd.

&lt;b&gt;Weights&lt;/b&gt;: entropy weight method (default): p_ij = x&apos;_ij/Σ_i x&apos;_ij on min-max values, e_j = −Σ_i p_ij·ln p_ij / ln n, w_j = (1 − e_j)/Σ(1 − e_k); an indicator with one value everywhere gets weight 0. Equal weights, or custom as field=weight;… (rescaled to sum 1). Score = Σ_j w_j·x&apos;_ij.

&lt;b&gt;Levels&lt;/b&gt; (1 = top) by Jenks natural breaks, exact for any number of towns (an O(k·n log n) dynamic programme; QGIS&apos;s renderer samples above 3,000 values), quantiles, head/tail breaks (split at the mean while the head holds ≤ 40 %), or fixed score thresholds (t1;t2;… ascending). Equal scores keep the input order in the ranking.

&lt;b&gt;Poles&lt;/b&gt;: the top level, the top N, or score ≥ a threshold; a true value in Pole field (e.g. county seats) always makes a pole.

&lt;b&gt;Report&lt;/b&gt; (HTML, with a JSON twin): weights, level thresholds and counts, the ranking, and the city-size distribution of the Population field (default: the first indicator), counting only values &gt; 0: rank-size fit ln P = ln P1 − q·ln r (q, R², fitted P1), primacy S2 = P1/P2, S4 = P1/(P2+P3+P4), S11 = 2·P1/(P2+…+P11), the Gini coefficient and a log-log chart.

&lt;b&gt;Levels from the administrative kind&lt;/b&gt; (towns without population, e.g. township points): Level field + Level map (kind=level;…, e.g. prefecture_city=1;district=1;county_city=2;county=2;town=3;street=3;township=4;other=4) set each town&apos;s level; a kind missing from the map is refused by name. Indicators, where given, then only rank the towns within their level. Level mass (level=people;…, e.g. 1=1500000;2=250000;3=30000;4=8000) gives each level a nominal planning population: the output field mass is the population where a town has one (&gt; 0), else its level&apos;s mass; gravity and the report use it. Growth poles can then be every town of one level (Pole level, e.g. 2 = the county seats).

&lt;b&gt;China city size classes&lt;/b&gt; (Classification; State Council 2014, by the urban population in the Population field): 1 super city ≥ 10 M, 2 megacity 5–10 M, 3 large city I 3–5 M, 4 large city II 1–3 M, 5 medium city 0.5–1 M, 6 small city I 0.2–0.5 M, 7 small city II &lt; 0.2 M (lower bounds inclusive); the output field size_cls holds the Chinese class name (超大城市 … Ⅱ型小城市), and the report lists the classes. Towns with no population are left unranked and named.

Output: the towns with their fields plus score, rank, level, is_pole, (mass), access_km and the normalised indicators n_&lt;field&gt;. Towns with NULL indicators are skipped (left unscored, counted) or refused (NULL values).</source>
        <translation>将城镇划分等级（中心城市 → 县城 → 重点镇 → 一般镇）并选取增长极。

&lt;b&gt;指标&lt;/b&gt;：数值字段（人口、GDP、财政收入、建成区面积…）；列入“成本型字段”的指标越小越好。提供线路（铁路、公路）时，每个城镇到最近线路的距离（WGS 84 椭球面上的公里数）作为成本型指标 access_km 加入。

&lt;b&gt;标准化&lt;/b&gt;：极差标准化 x&apos; = (x − min)/(max − min)，成本型为 (max − x)/(max − min)；或 Z 分数 x&apos; = ±(x − 均值)/标准差。

&lt;b&gt;权重&lt;/b&gt;：熵权法（默认）：在极差标准化值上计算 p_ij = x&apos;_ij/Σ_i x&apos;_ij，e_j = −Σ_i p_ij·ln p_ij / ln n，w_j = (1 − e_j)/Σ(1 − e_k)；各城镇取值相同的指标权重为 0。也可等权，或自定义 字段=权重;…（缩放至和为 1）。得分 = Σ_j w_j·x&apos;_ij。

&lt;b&gt;等级&lt;/b&gt;（1 为最高）：Jenks 自然断点，对任意城镇数都精确求解（O(k·n log n) 动态规划；QGIS 渲染器在超过 3000 个值时抽样），分位数，头尾断点（在均值处分割，直至头部超过 40 %），或固定得分阈值（t1;t2;… 升序）。得分相同时按输入顺序排名。

&lt;b&gt;增长极&lt;/b&gt;：最高等级、前 N 名或得分 ≥ 阈值；增长极字段为真（如县城）的城镇必为增长极。

&lt;b&gt;报告&lt;/b&gt;（HTML，另附 JSON）：权重、等级阈值与数量、排名，以及人口字段（默认为第一个指标）的城镇规模分布（仅计大于 0 的值）：位序-规模拟合 ln P = ln P1 − q·ln r（q、R²、拟合 P1），首位度 S2 = P1/P2、四城市指数 S4 = P1/(P2+P3+P4)、十一城市指数 S11 = 2·P1/(P2+…+P11)，基尼系数及双对数图。

&lt;b&gt;按行政类别定级&lt;/b&gt;（没有人口的城镇，如乡镇点）：等级字段 + 等级对照表（类别=等级;…，如 prefecture_city=1;district=1;county_city=2;county=2;town=3;street=3;township=4;other=4）给出每个城镇的等级；对照表中没有的类别会被按名称拒绝。给出指标时，指标只在同一等级内排序。等级人口（等级=人口;…，如 1=1500000;2=250000;3=30000;4=8000）为每个等级设定规划名义人口：输出字段 mass 在城镇有人口（&gt; 0）时取其人口，否则取所在等级的名义人口；引力和报告使用该值。增长极可取某一等级的全部城镇（增长极等级，如 2 = 县城）。

&lt;b&gt;中国城市规模等级&lt;/b&gt;（分级方法；国务院 2014 年标准，按人口字段中的城区常住人口）：1 超大城市 ≥ 1000 万，2 特大城市 500–1000 万，3 Ⅰ型大城市 300–500 万，4 Ⅱ型大城市 100–300 万，5 中等城市 50–100 万，6 Ⅰ型小城市 20–50 万，7 Ⅱ型小城市 &lt; 20 万（下限含本数）；输出字段 size_cls 为中文等级名（超大城市 … Ⅱ型小城市），报告列出各等级。没有人口的城镇不参与排序并被列出。

输出：城镇及其字段，另加 score、rank、level、is_pole、（mass）、access_km 和标准化指标 n_&lt;字段&gt;。指标为空的城镇可跳过（不计分并计数）或拒绝运行（NULLS）。</translation>
    </message>
    <message>
        <source>China city size classes (State Council 2014, by population)</source>
        <translation>中国城市规模等级（国务院 2014 年标准，按人口）</translation>
    </message>
    <message>
        <source>CLASSIFICATION: city size classes and LEVEL_FIELD both set the levels; choose one.</source>
        <translation>CLASSIFICATION：城市规模等级和 LEVEL_FIELD 都会设定等级；请只选其一。</translation>
    </message>
    <message>
        <source>POP_FIELD: China&apos;s city size classes need the urban population; choose POP_FIELD.</source>
        <translation>POP_FIELD：中国城市规模等级需要城区人口；请选择 POP_FIELD。</translation>
    </message>
    <message>
        <source>%1 town(s) with no population (0 or NULL) have no size class and are left unranked: feature ids %2.</source>
        <translation>%1 个没有人口（0 或空值）的城镇没有规模等级，不参与排序：要素 ID %2。</translation>
    </message>
    <message>
        <source>China city size classes (State Council 2014): %1</source>
        <translation>中国城市规模等级（国务院 2014 年标准）：%1</translation>
    </message>
    <message>
        <source>The rank-size report reads the population from the first indicator; set POP_FIELD to the population field, or fix the negative value</source>
        <translation>位序—规模报告从第一个指标读取人口；请将 POP_FIELD 设为人口字段，或修正该负值</translation>
    </message>
    <message>
        <source>A rank-size fit needs populations &gt;= 0; fix the value or filter the town out</source>
        <translation>位序—规模拟合需要人口 &gt;= 0；请修正该值或过滤掉该城镇</translation>
    </message>
    <message>
        <source>FIELDS: feature %1 has %3 in &apos;%2&apos;. Fill it with a number, filter the town out, or set NULLS to skip.</source>
        <translation>FIELDS：要素 %1 的“%2”为 %3。请填入数字、筛除该城镇，或将 NULLS 设为跳过。</translation>
    </message>
    <message>
        <source>FIELDS: feature %1 has %2 in &apos;%3&apos;, beyond any real value (more than 10^15). Fix the value or filter the town out.</source>
        <translation>FIELDS：要素 %1 的“%3”为 %2，超出任何真实值（大于 10^15）。请修正该值或筛除该城镇。</translation>
    </message>
</context>
<context>
    <name>TownStandardsAlgorithm</name>
    <message>
        <source>Town standards (planning targets)</source>
        <translation>城镇建设标准（规划指标）</translation>
    </message>
    <message>
        <source>Poles</source>
        <translation>增长极</translation>
    </message>
    <message>
        <source>standards,targets,indicators,small town,plan,built-up area,green,gas,waste,建设标准,规划指标,小城镇</source>
        <translation>标准,指标,指标体系,小城镇,规划,建成区面积,绿地,燃气,垃圾,建设标准,规划指标,小城镇</translation>
    </message>
    <message>
        <source>Checks every town against a plan&apos;s targets (built-up area, road area per person, green cover…): pass or fail, the gap, and how many it meets.</source>
        <translation>按规划指标（建成区面积、人均道路面积、绿化覆盖率…）检查每个城镇：是否达标、差距以及达标项数。</translation>
    </message>
    <message>
        <source>Checks each town against planning targets, as a district&apos;s small-town plan sets them.

&lt;b&gt;Targets&lt;/b&gt;: indicator op value;… where the indicator is a field of the towns and op is &gt;=, &lt;=, &gt; or &lt;, e.g. built_km2&gt;=2;road_m2_pc&gt;=8;green_pct&gt;=30;park_m2_pc&gt;=4;gas_pct&gt;=60;waste_pct&gt;=50 (the default).

Per town and target: &lt;field&gt;_ok (1 met, 0 not met, NULL when the value is missing) and &lt;field&gt;_gap, how far the town falls short in the indicator&apos;s units (target − value for &gt;=, value − target for &lt;=; 0 when met, NULL when missing); n_met (targets met) and n_known (targets with a value). A NULL or non-numeric value (e.g. &apos;1,000&apos; in a text field) is missing: it is counted and the towns are named in the log and the report, never read as 0.

&lt;b&gt;Report&lt;/b&gt; (HTML, with a JSON twin): per target the towns that meet it, miss it and lack a value; the towns by targets met.</source>
        <translation>按片区小城镇规划设定的规划指标逐一检查各城镇。

&lt;b&gt;指标&lt;/b&gt;：指标 比较符 值;…，指标为城镇图层的字段，比较符为 &gt;=、&lt;=、&gt; 或 &lt;，如 built_km2&gt;=2;road_m2_pc&gt;=8;green_pct&gt;=30;park_m2_pc&gt;=4;gas_pct&gt;=60;waste_pct&gt;=50（默认）。

每个城镇、每项指标：&lt;field&gt;_ok（1 达标，0 未达标，缺值时为空）和 &lt;field&gt;_gap，即该城镇以指标单位计的差距（&gt;= 时为 目标 − 值，&lt;= 时为 值 − 目标；达标为 0，缺值为空）；n_met（达标项数）和 n_known（有值的项数）。空值或非数值（如文本字段中的 &apos;1,000&apos;）视为缺值：计数并在日志和报告中列出城镇，绝不当作 0。

&lt;b&gt;报告&lt;/b&gt;（HTML，附 JSON）：每项指标达标、未达标和缺值的城镇；按达标项数排列的城镇。</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>Targets (indicator&gt;=value;…)</source>
        <translation>规划指标（指标&gt;=值;…）</translation>
    </message>
    <message>
        <source>Towns against the targets</source>
        <translation>城镇指标达标情况</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>Towns meeting every target</source>
        <translation>全部达标的城镇数</translation>
    </message>
    <message>
        <source>Missing indicator values</source>
        <translation>缺失的指标值</translation>
    </message>
    <message>
        <source>TARGETS: indicator &apos;%1&apos; is not a field of INPUT. Fields there: %2.</source>
        <translation>TARGETS：指标“%1”不是 INPUT 的字段。其字段为：%2。</translation>
    </message>
    <message>
        <source>%1: %2 town(s) have no numeric value (NULL or text) and are counted as missing, not as 0: feature ids %3.</source>
        <translation>%1：%2 个城镇没有数值（空值或文本），计为缺值而非 0：要素 ID %3。</translation>
    </message>
    <message>
        <source>%1 of %2 town(s) meet every target.</source>
        <translation>%2 个城镇中有 %1 个全部达标。</translation>
    </message>
    <message>
        <source>Town standards — %1</source>
        <translation>城镇建设标准 — %1</translation>
    </message>
    <message>
        <source>target</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺值</translation>
    </message>
    <message>
        <source>towns without a value</source>
        <translation>缺值的城镇</translation>
    </message>
    <message>
        <source>town</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>targets met</source>
        <translation>达标项数</translation>
    </message>
    <message>
        <source>targets with a value</source>
        <translation>有值的项数</translation>
    </message>
</context>
<context>
    <name>TownSystemAlgorithm</name>
    <message>
        <source>Stage %1 of %2: poleaxis:%3</source>
        <translation>第 %1/%2 步：poleaxis:%3</translation>
    </message>
    <message>
        <source>poleaxis:%1 is not registered.</source>
        <translation>poleaxis:%1 未注册。</translation>
    </message>
    <message>
        <source>Stage %1 (poleaxis:%2): %3</source>
        <translation>第 %1 步（poleaxis:%2）：%3</translation>
    </message>
    <message>
        <source>Stage %1 (poleaxis:%2) failed.</source>
        <translation>第 %1 步（poleaxis:%2）失败。</translation>
    </message>
    <message>
        <source>Town system plan (one run)</source>
        <translation>城镇体系规划（一次运行）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <source>town system,pole-axis,plan,growth pole,axis,town group,geopackage,pdf,城镇体系,点轴,增长极,发展轴,城镇群,规划</source>
        <translation>城镇体系,点轴,规划,增长极,发展轴,城镇群,geopackage,pdf,town system,pole-axis</translation>
    </message>
    <message>
        <source>The whole pole-axis plan in one run: poles, circles, corridors, axes, town groups, influence areas and the plan map, into one styled GeoPackage and a PDF.</source>
        <translation>一次运行完成整个点轴规划：增长极、服务圈、廊道、发展轴、城镇群、影响范围和规划图，输出为一个带样式的 GeoPackage 和一份 PDF。</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>城镇</translation>
    </message>
    <message>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <source>Planning boundary</source>
        <translation>规划范围</translation>
    </message>
    <message>
        <source>Map title</source>
        <translation>图名</translation>
    </message>
    <message>
        <source>Town system plan</source>
        <translation>城镇体系规划</translation>
    </message>
    <message>
        <source>Hierarchy levels</source>
        <translation>等级数</translation>
    </message>
    <message>
        <source>Growth poles (top N by score)</source>
        <translation>增长极（得分前 N 名）</translation>
    </message>
    <message>
        <source>Service radius around each pole (km)</source>
        <translation>增长极服务半径（公里）</translation>
    </message>
    <message>
        <source>Corridor width table (class=km;…)</source>
        <translation>廊道宽度表（等级=公里;…）</translation>
    </message>
    <message>
        <source>Corridor width without a class (km, each side)</source>
        <translation>无等级线路的廊道宽度（公里，单侧）</translation>
    </message>
    <message>
        <source>Corridor bands (km, e.g. 5;10;20; empty = widths)</source>
        <translation>廊道圈层（公里，如 5;10;20；空 = 按宽度）</translation>
    </message>
    <message>
        <source>Axis distance</source>
        <translation>发展轴距离</translation>
    </message>
    <message>
        <source>Geodesic km</source>
        <translation>测地线公里</translation>
    </message>
    <message>
        <source>Network km</source>
        <translation>网络公里</translation>
    </message>
    <message>
        <source>Network minutes</source>
        <translation>网络分钟</translation>
    </message>
    <message>
        <source>Gravity distance exponent b</source>
        <translation>引力距离指数 b</translation>
    </message>
    <message>
        <source>Snap poles to the lines within (km)</source>
        <translation>增长极接入线路的捕捉距离（公里）</translation>
    </message>
    <message>
        <source>Town groups by</source>
        <translation>城镇群划分方法</translation>
    </message>
    <message>
        <source>DBSCAN</source>
        <translation>DBSCAN</translation>
    </message>
    <message>
        <source>Single linkage</source>
        <translation>单连接</translation>
    </message>
    <message>
        <source>Complete linkage</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>Average linkage</source>
        <translation>平均连接</translation>
    </message>
    <message>
        <source>Ward linkage</source>
        <translation>Ward 连接</translation>
    </message>
    <message>
        <source>k-means++</source>
        <translation>k-means++</translation>
    </message>
    <message>
        <source>Louvain communities</source>
        <translation>Louvain 社区</translation>
    </message>
    <message>
        <source>Number of town groups (K)</source>
        <translation>城镇群数（K）</translation>
    </message>
    <message>
        <source>Cut the linkage at (km; 0 = use K)</source>
        <translation>层次聚类截断距离（公里；0 = 用 K）</translation>
    </message>
    <message>
        <source>DBSCAN radius (km)</source>
        <translation>DBSCAN 半径（公里）</translation>
    </message>
    <message>
        <source>DBSCAN minimum towns</source>
        <translation>DBSCAN 最少城镇数</translation>
    </message>
    <message>
        <source>Group polygons</source>
        <translation>城镇群多边形</translation>
    </message>
    <message>
        <source>Convex hull</source>
        <translation>凸包</translation>
    </message>
    <message>
        <source>Concave hull</source>
        <translation>凹包</translation>
    </message>
    <message>
        <source>Footprint (discs)</source>
        <translation>圆盘覆盖</translation>
    </message>
    <message>
        <source>Influence areas</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Voronoi</source>
        <translation>Voronoi</translation>
    </message>
    <message>
        <source>Weighted Voronoi (Reilly/Converse)</source>
        <translation>加权 Voronoi（Reilly/Converse）</translation>
    </message>
    <message>
        <source>Huff</source>
        <translation>Huff</translation>
    </message>
    <message>
        <source>Map subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Author / planning unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <source>Date (empty = today)</source>
        <translation>日期（空 = 今天）</translation>
    </message>
    <message>
        <source>Source note</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Map template</source>
        <translation>图幅模板</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A3 portrait</source>
        <translation>A3 纵向</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <source>Plan GeoPackage</source>
        <translation>规划 GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Plan map (PDF)</source>
        <translation>规划图（PDF）</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Plan map (PNG)</source>
        <translation>规划图（PNG）</translation>
    </message>
    <message>
        <source>PNG files (*.png)</source>
        <translation>PNG 文件 (*.png)</translation>
    </message>
    <message>
        <source>PNG resolution (dpi)</source>
        <translation>PNG 分辨率（dpi）</translation>
    </message>
    <message>
        <source>Hierarchy report (HTML)</source>
        <translation>等级报告（HTML）</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <source>Number of growth poles</source>
        <translation>增长极数</translation>
    </message>
    <message>
        <source>Number of town groups</source>
        <translation>城镇群数</translation>
    </message>
    <message>
        <source>BOUNDARY: the layer has no features; give the planning area&apos;s polygon or leave BOUNDARY empty.</source>
        <translation>BOUNDARY：图层没有要素；请给出规划范围多边形，或留空 BOUNDARY。</translation>
    </message>
    <message>
        <source>TOP_N: %1 poles asked for but TOWNS has %2 towns.</source>
        <translation>TOP_N：要求 %1 个增长极，但 TOWNS 只有 %2 个城镇。</translation>
    </message>
    <message>
        <source>OUTPUT: %1 is not a GeoPackage; give a file name ending in .gpkg.</source>
        <translation>OUTPUT：%1 不是 GeoPackage；请给出以 .gpkg 结尾的文件名。</translation>
    </message>
    <message>
        <source>Stage 8 of 9: writing %1</source>
        <translation>第 8/9 步：写入 %1</translation>
    </message>
    <message>
        <source>OUTPUT: cannot write layer %1 to %2: %3</source>
        <translation>OUTPUT：无法把图层 %1 写入 %2：%3</translation>
    </message>
    <message>
        <source>%1: style not stored (%2).</source>
        <translation>%1：样式未保存（%2）。</translation>
    </message>
    <message>
        <source>poleaxis print style (%1)</source>
        <translation>poleaxis 出图样式（%1）</translation>
    </message>
    <message numerus="yes">
        <source>  %1: %n feature(s)</source>
        <translation>
            <numerusform>  %1：%n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>LINES: give at least one line layer (rail, highways).</source>
        <translation>LINES：请至少提供一个线图层（铁路、公路）。</translation>
    </message>
    <message>
        <source>LINES: layer &apos;%1&apos; is not a line layer. Give line layers only (rail, highways).</source>
        <translation>LINES：图层“%1”不是线图层。请只提供线图层（铁路、公路）。</translation>
    </message>
    <message>
        <source>CLASS_FIELD: field &apos;%1&apos; is in none of the LINES layers. Fields of &apos;%2&apos;: %3.</source>
        <translation>CLASS_FIELD：所有 LINES 图层中都没有字段“%1”。“%2”的字段：%3。</translation>
    </message>
    <message>
        <source>LINES: layer &apos;%1&apos;, feature %2 cannot be transformed: %3</source>
        <translation>LINES：图层“%1”的要素 %2 无法转换坐标：%3</translation>
    </message>
    <message>
        <source>LINES: the layers have no lines.</source>
        <translation>LINES：这些图层中没有线。</translation>
    </message>
    <message>
        <source>%1 lines from %2 layers.</source>
        <translation>%1 条线路，来自 %2 个图层。</translation>
    </message>
    <message>
        <source>Lines (rail, highways; one or more layers)</source>
        <translation>线路（铁路、公路；一个或多个图层）</translation>
    </message>
    <message>
        <source>Line class field (else the layer name is the class)</source>
        <translation>线路等级字段（否则以图层名为等级）</translation>
    </message>
    <message>
        <source>Rivers (river belts; optional)</source>
        <translation>河流（沿河城镇带；可选）</translation>
    </message>
    <message>
        <source>External centres (metropolises outside the plan)</source>
        <translation>外部中心（规划范围以外的大城市）</translation>
    </message>
    <message>
        <source>Mass field of the external centres</source>
        <translation>外部中心的质量字段</translation>
    </message>
    <message>
        <source>EXTERNAL_MASS_FIELD: choose the mass field of the external centres (population, score…).</source>
        <translation>EXTERNAL_MASS_FIELD：请选择外部中心的质量字段（人口、得分…）。</translation>
    </message>
    <message>
        <source>%1: %2 is not a valid expression: %3</source>
        <translation>%1：%2 不是有效的表达式：%3</translation>
    </message>
    <message>
        <source>%1: %2 fails on feature %3: %4</source>
        <translation>%1：%2 在要素 %3 上出错：%4</translation>
    </message>
    <message>
        <source>CENTRAL_CITY: no town matches %1. Check the expression, e.g. &quot;name&quot; = &apos;吉林市&apos;.</source>
        <translation>CENTRAL_CITY：没有城镇符合 %1。请检查表达式，如 &quot;name&quot; = &apos;吉林市&apos;。</translation>
    </message>
    <message>
        <source>CENTRAL_CITY: %1 towns match %2; the top-ranked of them (feature %3) is the central city.</source>
        <translation>CENTRAL_CITY：%1 个城镇符合 %2；其中排名最高者（要素 %3）为中心城市。</translation>
    </message>
    <message>
        <source>POLE_EXPRESSION: no town but the central city matches %1.</source>
        <translation>POLE_EXPRESSION：除中心城市外没有城镇符合 %1。</translation>
    </message>
    <message>
        <source>POLE_LEVEL: no town but the central city has level %1. Choose a level the hierarchy has.</source>
        <translation>POLE_LEVEL：除中心城市外没有第 %1 级的城镇。请选择等级体系中存在的等级。</translation>
    </message>
    <message>
        <source>TOWNS: feature %1 cannot be transformed to WGS 84.</source>
        <translation>TOWNS：要素 %1 无法转换到 WGS 84。</translation>
    </message>
    <message>
        <source>Level from field (administrative kind)</source>
        <translation>等级取自字段（行政类别）</translation>
    </message>
    <message>
        <source>Level map (kind=level;…)</source>
        <translation>等级对照表（类别=等级;…）</translation>
    </message>
    <message>
        <source>Nominal population per level (level=people;…)</source>
        <translation>各等级名义人口（等级=人口;…）</translation>
    </message>
    <message>
        <source>Central city (expression; empty = the top-ranked town)</source>
        <translation>中心城市（表达式；为空 = 排名第一的城镇）</translation>
    </message>
    <message>
        <source>Circle of the central city (km; its towns form the circle group)</source>
        <translation>中心城市圈层（公里；圈内城镇构成圈层群）</translation>
    </message>
    <message>
        <source>Growth poles</source>
        <translation>增长极</translation>
    </message>
    <message>
        <source>Top N by score</source>
        <translation>按得分前 N 个</translation>
    </message>
    <message>
        <source>Every town of the pole level</source>
        <translation>增长极等级的全部城镇</translation>
    </message>
    <message>
        <source>An expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <source>Pole level</source>
        <translation>增长极等级</translation>
    </message>
    <message>
        <source>Pole expression</source>
        <translation>增长极表达式</translation>
    </message>
    <message>
        <source>Belts: towns within this distance of a grade-1 or grade-2 axis (km)</source>
        <translation>城镇带：距一级或二级发展轴不超过此距离的城镇（公里）</translation>
    </message>
    <message>
        <source>Topology tolerance of the lines: ends this close join (m)</source>
        <translation>线路拓扑容差：相距不超过此距离的线端相连（米）</translation>
    </message>
    <message>
        <source>POP_FIELD: choose the population field, or a LEVEL_FIELD (administrative kind) for towns without population.</source>
        <translation>POP_FIELD：请选择人口字段；没有人口的城镇请提供 LEVEL_FIELD（行政类别）。</translation>
    </message>
    <message>
        <source>LEVEL_MASS: levels from %1 need a nominal population per level for gravity, e.g. 1=1500000;2=250000;3=30000;4=8000.</source>
        <translation>LEVEL_MASS：按 %1 定级时，引力需要各等级的名义人口，如 1=1500000;2=250000;3=30000;4=8000。</translation>
    </message>
    <message>
        <source>BOUNDARY: the layer is not a polygon layer; give the planning area&apos;s polygon.</source>
        <translation>BOUNDARY：该图层不是面图层；请提供规划区的多边形。</translation>
    </message>
    <message>
        <source>CIRCLE_KM: %1 km is not a distance &gt;= 0 (0 = no circle group).</source>
        <translation>CIRCLE_KM：%1 公里不是不小于 0 的距离（0 = 不设圈层群）。</translation>
    </message>
    <message>
        <source>BELT_KM: %1 km is not a distance &gt; 0. Give how far from an axis its belt reaches, e.g. 10 km.</source>
        <translation>BELT_KM：%1 公里不是大于 0 的距离。请给出城镇带距发展轴的范围，如 10 公里。</translation>
    </message>
    <message>
        <source>POLE_EXPRESSION: growth poles by an expression need one, e.g. &quot;kind&quot; IN (&apos;county&apos;, &apos;county_city&apos;).</source>
        <translation>POLE_EXPRESSION：按表达式选取增长极需要给出表达式，如 &quot;kind&quot; IN (&apos;county&apos;, &apos;county_city&apos;)。</translation>
    </message>
    <message>
        <source>Stage 2 (poleaxis:townfunctions) returned no towns layer.</source>
        <translation>第 2 步（poleaxis:townfunctions）没有返回城镇图层。</translation>
    </message>
    <message numerus="yes">
        <source>Central city: %1. %n growth pole(s): %2.</source>
        <translation>
            <numerusform>中心城市：%1。%n 个增长极：%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>RIVERS: no river runs through the plan&apos;s region.</source>
        <translation>RIVERS：没有河流流经规划区域。</translation>
    </message>
    <message>
        <source>Fewer than 2 towns outside the circle and belts: no further groups.</source>
        <translation>圈层和城镇带以外的城镇少于 2 个：不再分群。</translation>
    </message>
    <message>
        <source>Town groups: %1 in the circle (%2), %3 belt(s) of %4 km, %5 group(s) of the rest.</source>
        <translation>城镇群：圈层（%2）内 %1 个城镇，%3 个 %4 公里城镇带，其余城镇 %5 个群。</translation>
    </message>
    <message>
        <source>%1 minutes of travel</source>
        <translation>出行 %1 分钟</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>Circle by travel time over the lines (minutes; 0 = by CIRCLE_KM)</source>
        <translation>按线路出行时间划定圈层（分钟；0 = 按 CIRCLE_KM）</translation>
    </message>
    <message>
        <source>Line speeds for travel times (class=km/h;…)</source>
        <translation>出行时间所用的线路速度（等级=公里/小时;…）</translation>
    </message>
    <message>
        <source>Access speed off the lines (km/h)</source>
        <translation>线路以外的接驳速度（公里/小时）</translation>
    </message>
    <message>
        <source>CIRCLE_MINUTES: %1 is not a travel time &gt;= 0 minutes (0 = the circle by CIRCLE_KM).</source>
        <translation>CIRCLE_MINUTES：%1 不是不小于 0 分钟的出行时间（0 = 按 CIRCLE_KM 划定圈层）。</translation>
    </message>
    <message>
        <source>CIRCLE_MINUTES: the travel-time stage returned %1 of %2 towns.</source>
        <translation>CIRCLE_MINUTES：出行时间一步只返回了 %2 个城镇中的 %1 个。</translation>
    </message>
    <message>
        <source>Language of the map&apos;s texts and group names</source>
        <translation>图面文字与城镇群名称的语言</translation>
    </message>
    <message>
        <source>Draws a city-region town-system plan after the pole-axis (点轴) model — a central city, its circle, growth poles, axes to them and to external centres, belts of towns along the axes, groups of the rest — and writes one GeoPackage, the hierarchy report and the plan map.

&lt;b&gt;Stages&lt;/b&gt; (each is also an algorithm of its own; the parameters below keep their names):
1. Town hierarchy: score = weighted sum of the normalised population (POP_FIELD) and rail/road access (distance to LINES, less is better); LEVELS levels by natural breaks. Towns without population: LEVEL_FIELD + LEVEL_MAP (kind=level;…) set the levels, the score ranks within a level. LEVEL_MASS (level=people;…) gives towns of unknown population their level&apos;s nominal planning population (field mass), used for gravity, influence and the groups&apos; pop_sum.
2. Town functions: transport hubs where lines meet (type, type_zh).
The central city: the top-ranked town CENTRAL_CITY selects (an expression; empty = the top-ranked town; several matches = the top-ranked of them, with a warning). The growth poles by POLE_RULE: the TOP_N highest ranked, every town of POLE_LEVEL, or POLE_EXPRESSION; the central city is never one of its own poles.
3. Service circles of RADIUS km around the central city and the poles.
4. Corridors along LINES (one or more layers: rail, highways): half-width from CLASS_FIELD (a field name; a layer without it has its layer name as class) and WIDTH_TABLE (class=km;…), WIDTH km for a class missing from the table; BANDS (e.g. 5;10;20 km) draws distance bands instead. RIVERS (optional) add river belts (class river). Corridors and river belts are clipped to the plan&apos;s region (BOUNDARY, else the towns&apos; extent with a margin).
5. Development axes from the central city and between the poles over the noded network of LINES (ends within TOLERANCE_M m join): gravity G = M_i·M_j / d^b (M = mass, b = EXPONENT, default 2; d per DISTANCE_MODE: geodesic km, or km or minutes along LINES, centres snapped within SNAP_KM), flows summed on the lines and graded 1–3. EXTERNAL (optional points, with EXTERNAL_MASS_FIELD) are metropolises outside the plan that pull on it: they pair only with the plan&apos;s centres, and their axes are marked external.
6. Town groups: the circle group, every town within CIRCLE_KM km (geodesic, inclusive) of the central city, or with CIRCLE_MINUTES &gt; 0 every town it reaches within that travel time over LINES (speeds from SPEED_TABLE, ACCESS_SPEED_KMH off the lines; the circle&apos;s polygon is then the travel-time area, a stage of its own); a belt group along every grade-1 and grade-2 axis, the towns within BELT_KM km of it (named after the axis, e.g. 吉林市—长春; belts may overlap the circle); the other towns by METHOD (default Ward linkage into K groups; CUT_DISTANCE &gt; 0 cuts at that distance in km; DBSCAN uses EPS km and MIN_POINTS). In the towns layer group_kind and group_id give the first of circle, belt, cluster, and belts lists every belt of the town. The groups layer has the circle, a band of BELT_KM along each belt&apos;s axis and the clusters&apos; envelopes (HULL), clipped to BOUNDARY, with kind, name, n_towns, pop_sum and area_km2.
7. Influence areas of the centres: AREA_METHOD Voronoi, weighted Voronoi (√mass, Reilly/Converse breaking points; default) or Huff, clipped to BOUNDARY (or the centres&apos; extent).
8. The GeoPackage OUTPUT with layers towns (score, level, is_pole, is_centre, type, group_kind, group_id, belts), poles (the central city first), service_circles, corridors, axes, desire_lines, groups, influence_areas and boundary, each with its print style stored as the layer&apos;s default.
9. The plan map PDF (and PNG at DPI) from those layers: TITLE, SUBTITLE, AUTHOR, DATE, SOURCE, TEMPLATE. LANGUAGE sets the language of the map&apos;s texts and of the circle group&apos;s name (auto: the title&apos;s script).

Atlas of regions: with REGIONS (polygons, named by REGION_NAME_FIELD), stages 1–7 run for the towns inside each region on its own, with the region as BOUNDARY and the LINES and RIVERS near it: poles, axes, belts and groups per region. A region with fewer than TOP_N + 1 towns (at least 3) is skipped with a log line; a region whose run fails is skipped with a warning that says why, and the others go on. OUTPUT is one GeoPackage whose every layer has a region field (the region&apos;s name); PDF has one page per planned region, titled with the region&apos;s name before TITLE (or at %1 in TITLE), with that region&apos;s layers only and its own inset; PNG gives one file per page (name_01.png, …). Regions run one after another (the stages share one processing context, which QGIS does not allow across threads); progress is per region, and a cancel stops at the next stage or region and removes every file written. REPORT is not written in an atlas run.

Distances are km on the ground (geodesic, or a logged local projected CRS). A failed or cancelled run removes every file it wrote.</source>
        <translation>按点轴模式绘制城市—区域城镇体系规划——中心城市、其圈层、增长极、通往增长极和外部中心的发展轴、沿轴城镇带以及其余城镇组成的城镇群——输出一个 GeoPackage、等级报告和规划图。

&lt;b&gt;步骤&lt;/b&gt;（每一步也是一个独立算法；下列参数沿用其名称）：
1. 城镇等级：得分 = 标准化人口（POP_FIELD）与铁路/公路可达性（到 LINES 的距离，越小越好）的加权和；按自然断点分 LEVELS 级。没有人口的城镇：LEVEL_FIELD + LEVEL_MAP（类别=等级;…）给出等级，得分只在同一等级内排序。LEVEL_MASS（等级=人口;…）为人口未知的城镇赋予其等级的规划名义人口（字段 mass），用于引力、影响范围和城镇群的 pop_sum。
2. 城镇职能：线路交汇处的交通枢纽（type、type_zh）。
中心城市：CENTRAL_CITY（表达式；为空时取排名第一的城镇；多个匹配时取其中排名最高者并给出警告）所选城镇中排名最高者。增长极按 POLE_RULE：排名前 TOP_N 的城镇、POLE_LEVEL 等级的全部城镇，或 POLE_EXPRESSION；中心城市永远不是它自己的增长极。
3. 中心城市和各增长极 RADIUS 公里的服务圈。
4. 沿 LINES（一个或多个图层：铁路、公路）的廊道：单侧宽度由 CLASS_FIELD（字段名；不含该字段的图层以图层名为等级）与 WIDTH_TABLE（等级=公里;…）决定，等级不在表中的线路用 WIDTH 公里；BANDS（如 5;10;20 公里）改为绘制距离圈层。RIVERS（可选）增加沿河城镇带（等级 river）。廊道和沿河城镇带裁剪到规划区域（BOUNDARY，否则为城镇范围外加边距）。
5. 经 LINES 节点化网络（相距 TOLERANCE_M 米以内的线端相连）从中心城市出发以及增长极之间的发展轴：引力 G = M_i·M_j / d^b（M = mass，b = EXPONENT，默认 2；d 按 DISTANCE_MODE：测地线公里，或沿 LINES 的公里或分钟，中心在 SNAP_KM 内接入线网），流量累加到线路上并分为 1–3 级。EXTERNAL（可选点图层，配 EXTERNAL_MASS_FIELD）为规划范围外牵引本区的大城市：只与规划内的中心配对，其发展轴标记为 external。
6. 城镇群：圈层群为距中心城市 CIRCLE_KM 公里以内（测地线，含边界）的全部城镇，或在 CIRCLE_MINUTES &gt; 0 时为中心城市经 LINES 在该出行时间内可到达的全部城镇（速度取自 SPEED_TABLE，线路以外按 ACCESS_SPEED_KMH；此时圈层的多边形为出行时间服务区，作为单独一步）；每条一级、二级发展轴形成一个城镇带，为距该轴 BELT_KM 公里以内的城镇（以发展轴命名，如 吉林市—长春；城镇带可与圈层重叠）；其余城镇按 METHOD 聚类（默认 Ward 连接分为 K 群；CUT_DISTANCE &gt; 0 时按该距离（公里）截断；DBSCAN 用 EPS 公里和 MIN_POINTS）。城镇图层中 group_kind 和 group_id 取圈层、城镇带、聚类中的第一个，belts 列出城镇所在的全部城镇带。城镇群图层包含圈层、沿各城镇带发展轴的 BELT_KM 宽带以及各聚类的包络（HULL），裁剪到 BOUNDARY，字段为 kind、name、n_towns、pop_sum 和 area_km2。
7. 各中心的影响范围：AREA_METHOD 为 Voronoi、加权 Voronoi（√mass，Reilly/Converse 断裂点；默认）或 Huff，裁剪到 BOUNDARY（或各中心的范围）。
8. GeoPackage OUTPUT，含图层 towns（score、level、is_pole、is_centre、type、group_kind、group_id、belts）、poles（中心城市在前）、service_circles、corridors、axes、desire_lines、groups、influence_areas 和 boundary，每层的出图样式保存为默认样式。
9. 用这些图层输出规划图 PDF（及指定 DPI 的 PNG）：TITLE、SUBTITLE、AUTHOR、DATE、SOURCE、TEMPLATE。 LANGUAGE 设定图面文字及圈层城镇群名称的语言（自动：按标题的文字）。

区域图集：给出 REGIONS（面图层，名称取自 REGION_NAME_FIELD）时，第 1–7 步对每个区域内的城镇单独运行，以该区域为 BOUNDARY，使用其附近的 LINES 和 RIVERS：每个区域各有增长极、发展轴、城镇带和城镇群。城镇少于 TOP_N + 1 个（至少 3 个）的区域跳过并在日志中说明；某区域运行失败时跳过并发出说明原因的警告，其他区域继续。OUTPUT 为一个 GeoPackage，其每个图层都有 region 字段（区域名称）；PDF 每个已规划区域一页，标题为区域名称加 TITLE（或放在 TITLE 中 %1 处），只显示该区域的图层，并有各自的区位图；PNG 每页一个文件（name_01.png, …）。各区域依次运行（各步骤共用一个处理上下文，QGIS 不允许跨线程共用）；进度按区域推进，取消时在下一个步骤或区域处停止，并删除已写出的所有文件。图集运行不写 REPORT。

距离均为地面公里（测地线，或记录在日志中的局部投影坐标系）。运行失败或被取消时，删除本次写出的所有文件。</translation>
    </message>
    <message>
        <source>Atlas: plan each region on its own (polygons; optional)</source>
        <translation>图集：逐个区域单独规划（面；可选）</translation>
    </message>
    <message>
        <source>Atlas: region name field</source>
        <translation>图集：区域名称字段</translation>
    </message>
    <message>
        <source>Number of regions planned (atlas)</source>
        <translation>已规划的区域数（图集）</translation>
    </message>
    <message>
        <source>REGION_NAME_FIELD: REGIONS has no field %1; choose the field that names the regions.</source>
        <translation>REGION_NAME_FIELD：REGIONS 没有字段 %1；请选择为区域命名的字段。</translation>
    </message>
    <message>
        <source>TOWNS has a region field; in the atlas outputs it holds the name of the region each town was planned in.</source>
        <translation>TOWNS 已有 region 字段；在图集输出中它记录各城镇所在规划区域的名称。</translation>
    </message>
    <message>
        <source>REPORT: not written in an atlas run; run townhierarchy on a region&apos;s towns for its report.</source>
        <translation>REPORT：图集运行不写报告；如需某区域的报告，请对该区域的城镇运行 townhierarchy。</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>区域 %1</translation>
    </message>
    <message>
        <source>REGIONS: feature %1 (%2) has no geometry; skipped.</source>
        <translation>REGIONS：要素 %1（%2）没有几何，已跳过。</translation>
    </message>
    <message>
        <source>Region %1 of %2: %3</source>
        <translation>区域 %1 / %2：%3</translation>
    </message>
    <message numerus="yes">
        <source>  skipped: %n town(s), fewer than the %1 a plan needs (the central city, TOP_N poles, and more).</source>
        <translation>
            <numerusform>  已跳过：%n 个城镇，少于规划所需的 %1 个（中心城市、TOP_N 个增长极及其他城镇）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Region %1 skipped: %2</source>
        <translation>区域 %1 已跳过：%2</translation>
    </message>
    <message>
        <source>REGIONS: no region could be planned (%1 skipped: too few towns or errors above). Check that TOWNS and REGIONS overlap and that each region holds more than TOP_N towns.</source>
        <translation>REGIONS：没有区域可以规划（跳过 %1 个：城镇太少或出现上述错误）。请检查 TOWNS 与 REGIONS 是否重叠，以及每个区域的城镇是否多于 TOP_N 个。</translation>
    </message>
    <message numerus="yes">
        <source>Writing %1: %n region(s) planned</source>
        <translation>
            <numerusform>写出 %1：已规划 %n 个区域</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped (%1)</source>
        <translation>
            <numerusform>，跳过 %n 个（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>Stage %1 took %2 s; peak memory so far %3.</source>
        <translation>第 %1 阶段用时 %2 秒；迄今内存峰值 %3。</translation>
    </message>
    <message>
        <source>Stage %1 took %2 s.</source>
        <translation>第 %1 阶段用时 %2 秒。</translation>
    </message>
</context>
<context>
    <name>conversion</name>
    <message>
        <source>%1: feature %2 is not a point. Use a point layer, or run Centroids first.</source>
        <translation>%1：要素 %2 不是点。请使用点图层，或先运行“质心”。</translation>
    </message>
    <message>
        <source>%1: feature %2 is a multipoint with %3 parts. Split it with Multipart to singleparts first.</source>
        <translation>%1：要素 %2 是包含 %3 个部分的多点。请先用“多部分转单部分”拆分。</translation>
    </message>
    <message>
        <source>%1: feature %2 cannot be transformed to WGS 84: %3</source>
        <translation>%1：要素 %2 无法转换到 WGS 84：%3</translation>
    </message>
    <message>
        <source>%1: feature %2 lies outside the globe (%3, %4 in WGS 84). Check the layer&apos;s CRS.</source>
        <translation>%1：要素 %2 位于地球范围之外（WGS 84 中为 %3, %4）。请检查图层的坐标参考系。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>%1: feature %2 is not a polygon.</source>
        <translation>%1：要素 %2 不是多边形。</translation>
    </message>
    <message>
        <source>%1: the layer has no coordinate reference system. Set it in Layer Properties ▸ Source, or run Assign projection first.</source>
        <translation>%1：该图层没有坐标参考系。请在“图层属性 ▸ 源”中设置，或先运行“指定投影”。</translation>
    </message>
    <message>
        <source>%1: feature %2 is not a line.</source>
        <translation>%1：要素 %2 不是线。</translation>
    </message>
    <message>
        <source>%1: %2 is geographic; choose a projected CRS in metres.</source>
        <translation>%1：%2 是地理坐标系；请选择以米为单位的投影坐标系。</translation>
    </message>
    <message>
        <source>Working CRS: %1 (%2); largest scale error over %3 %4 %.</source>
        <translation>工作坐标系：%1（%2）；在%3上的最大尺度误差 %4 %。</translation>
    </message>
    <message>
        <source>%1: feature %2 has a vertex that is not a number. Fix or delete that vertex (Vertex tool, or Check validity) and run again.</source>
        <translation>%1：要素 %2 有一个不是数值的顶点。请修正或删除该顶点（顶点工具或“检查有效性”）后重新运行。</translation>
    </message>
    <message>
        <source>%1: feature %2 has a vertex off the globe (%3, %4 in WGS 84). Check the layer&apos;s CRS and coordinates (longitudes −180…180, latitudes −90…90).</source>
        <translation>%1：要素 %2 有一个顶点超出地球范围（WGS 84 下为 %3, %4）。请检查图层的坐标参考系和坐标（经度 −180…180，纬度 −90…90）。</translation>
    </message>
    <message>
        <source>%1: feature %2 has a coordinate that is not a number. Fix its geometry or filter it out.</source>
        <translation>%1：要素 %2 有一个不是数值的坐标。请修正其几何或将其过滤掉。</translation>
    </message>
    <message>
        <source>%1: %2 measures in %3, but distances and areas are worked in metres. Choose a projected CRS in metres (the local UTM zone, say), or leave %1 empty for a local one.</source>
        <translation>%1：%2 的单位是 %3，而距离和面积按米计算。请选择以米为单位的投影坐标系（如当地的 UTM 带），或将 %1 留空以自动选用本地坐标系。</translation>
    </message>
    <message>
        <source>%1: %2 distorts distances by up to %3 % over %4, more than %5 %: it is made for another area. Choose a CRS made for this area, or leave %1 empty for a local one.</source>
        <translation>%1：%2 在%4上的距离变形最大达 %3 %，超过 %5 %：它是为别的地区设计的。请选择适用于本地区的坐标系，或将 %1 留空以自动选用本地坐标系。</translation>
    </message>
    <message>
        <source>The local working CRS distorts distances by up to %1 % over %2: the extent is very large. Results in km are approximate; split the area, or choose WORKING_CRS.</source>
        <translation>本地工作坐标系在%2上的距离变形最大达 %1 %：范围过大。以公里计的结果为近似值；请分区计算，或指定 WORKING_CRS。</translation>
    </message>
    <message>
        <source>%1: the layer&apos;s CRS %2 distorts distances by up to %3 % over the data, so the work is done from lon/lat on the ground (outputs stay in %2).</source>
        <translation>%1：图层坐标系 %2 在数据范围内的距离变形最大达 %3 %，因此按经纬度在地面上计算（输出仍为 %2）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (not a number)</source>
        <translation>&apos;%1&apos;（不是数字）</translation>
    </message>
</context>
</TS>
