namespace Vigil.Monitoring.Reports.Svg;

/// <summary>Point marker shapes, so event kinds differ by more than colour (readable in grey print).</summary>
public enum MarkerShape
{
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Star,
}
