namespace Vigil.Rendering.Svg;

/// <summary>Point marker shapes, so event kinds differ by more than colour (readable in grey print).</summary>
internal enum MarkerShape
{
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Star,
}
